namespace Ticketing.Web;

/// <summary>The <c>Web</c> configuration section.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Where the services' HTTP APIs answer, e.g. the edge proxy in the distributed topology.
    /// Empty: this process's own address, for the embedded default where every module shares it.
    /// </summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Seconds between availability refreshes on event pages.</summary>
    public int AvailabilityRefreshSeconds { get; set; } = 3;
}
