namespace Ticketing.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Currency of a resale ticket listed without one.</summary>
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>Most tickets one generate call may create; bigger venues are generated section by section.</summary>
    public int MaxTicketsPerCall { get; set; } = 20_000;

    /// <summary>
    /// How old buyers' tier figures (capacity, available) on <c>GET /api/events/{id}</c>, and the free
    /// seats on <c>GET /api/events/{id}/availability</c>, may be; the organizer always sees live
    /// figures. Zero counts on every view.
    /// </summary>
    public TimeSpan TierFiguresMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an anonymous browse answer (<c>GET /api/events</c>, <c>/api/events/{id}</c>, <c>/api/events/{id}/availability</c>,
    /// <c>/api/tickets</c>, <c>/api/tickets/{id}</c>) is served from the output cache. Zero turns it off.
    /// </summary>
    public TimeSpan BrowseCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    public Users.EmailLookupOptions EmailLookups { get; set; } = new();

    public Passes.PassSigningKeyOptions PassSigningKey { get; set; } = new();
}
