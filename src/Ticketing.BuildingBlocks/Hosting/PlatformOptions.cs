using Microsoft.Extensions.Configuration;

namespace Ticketing.BuildingBlocks.Hosting;

/// <summary>The <c>Ticketing</c> configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Ticketing";

    /// <summary>Modules this process hosts; empty means all of them.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Where the embedded default keeps its SQLite files and generated keys.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Apply pending schema migrations when the process starts.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>
    /// Reads <c>Ticketing:Services</c> either as a list (<c>Ticketing:Services:0=catalog</c>)
    /// or as one comma-separated value (<c>Ticketing__Services=catalog,ordering</c>), which is
    /// what environment variables make easy.
    /// </summary>
    public static PlatformOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var services = section.GetSection("Services").Get<string[]>() ?? [];
        if (services.Length == 0 && section["Services"] is { } joined)
        {
            services = joined.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return new PlatformOptions
        {
            Services = services.Select(s => s.ToLowerInvariant()).ToArray(),
            DataDirectory = section["DataDirectory"] is { Length: > 0 } dir ? dir : "data",
            MigrateOnStartup = section.GetValue("MigrateOnStartup", true),
        };
    }
}
