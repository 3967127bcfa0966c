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

    /// <summary>Larger request bodies are refused with 413 before any endpoint reads them.</summary>
    public int MaxRequestBodyBytes { get; init; } = Web.RequestLimits.DefaultMaxRequestBodyBytes;

    /// <summary>The address a module calls another module of this process on; unset, the first listening address.</summary>
    public string? OwnAddress { get; init; }

    /// <summary><c>/api</c> requests this process works on at once; 0 is no limit (see <see cref="Web.ApiConcurrencyLimit"/>).</summary>
    public int MaxConcurrentApiRequests { get; init; }

    /// <summary>Requests waiting for one of those slots before a 503; unset, 8 times the limit.</summary>
    public int? ApiRequestQueue { get; init; }

    /// <summary>Shared secret of the web and identity processes; unset, one generated per process.</summary>
    public string? FrontEndSecret { get; init; }

    /// <summary>Settings only the benchmarks use (bench/README.md).</summary>
    public BenchSettings Bench { get; init; } = new();

    /// <summary>
    /// Reads <c>Ticketing:Services</c> either as a list (<c>Ticketing:Services:0=catalog</c>)
    /// or as one comma-separated value (<c>Ticketing__Services=catalog,ordering</c>), which is
    /// what environment variables make easy.
    /// </summary>
    public static PlatformOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var services = section.GetSection(nameof(Services)).Get<string[]>() ?? [];
        if (services.Length == 0 && section[nameof(Services)] is { } joined)
        {
            services = joined.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return new PlatformOptions
        {
            Services = services.Select(s => s.ToLowerInvariant()).ToArray(),
            DataDirectory = section[nameof(DataDirectory)] is { Length: > 0 } dir ? dir : "data",
            MigrateOnStartup = section.GetValue(nameof(MigrateOnStartup), true),
            MaxRequestBodyBytes = section.GetValue(nameof(MaxRequestBodyBytes), Web.RequestLimits.DefaultMaxRequestBodyBytes),
            OwnAddress = section[nameof(OwnAddress)] is { Length: > 0 } own ? own : null,
            MaxConcurrentApiRequests = section.GetValue(nameof(MaxConcurrentApiRequests), 0),
            ApiRequestQueue = section.GetValue<int?>(nameof(ApiRequestQueue)),
            FrontEndSecret = section[nameof(FrontEndSecret)] is { Length: > 0 } secret ? secret : null,
            Bench = new BenchSettings { Hello = section.GetValue("Bench:Hello", false) },
        };
    }
}

/// <summary>The <c>Ticketing:Bench</c> settings.</summary>
public sealed class BenchSettings
{
    /// <summary>
    /// Maps <c>GET /bench/hello</c>: the same process and middleware with no work behind it, the
    /// HTTP ceiling the benchmarks compare with. Off unless set, so production never exposes it.
    /// </summary>
    public bool Hello { get; init; }
}
