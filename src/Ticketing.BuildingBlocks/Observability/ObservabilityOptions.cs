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
}
