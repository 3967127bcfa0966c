namespace Ticketing.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Currency of a resale ticket listed without one.</summary>
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>Most tickets one generate call may create; bigger venues are generated section by section.</summary>
    public int MaxTicketsPerCall { get; set; } = 20_000;

    public Users.EmailLookupOptions EmailLookups { get; set; } = new();
}
