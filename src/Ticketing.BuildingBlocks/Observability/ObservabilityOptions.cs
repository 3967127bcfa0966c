using Microsoft.Extensions.Configuration;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// The <c>Observability</c> section. Read once while the host is built, like
/// <see cref="Hosting.PlatformOptions"/>: it decides which exporters exist at all.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Port of the Prometheus <c>/metrics</c> listener; unset (or 0), there is none.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>Reads and checks the section; a bad value stops the start-up, as validated options do.</summary>
    public static ObservabilityOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ObservabilityOptions>() ?? new();
        if (options.MetricsPort is < 0 or > 65535)
        {
            throw new InvalidOperationException("Observability:MetricsPort must be a TCP port.");
        }

        return options;
    }
}
