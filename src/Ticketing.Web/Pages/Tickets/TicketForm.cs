using System.Globalization;

namespace Ticketing.Web.Pages.Tickets;

internal static class TicketForm
{
    /// <summary>A typed price, or null so the API reports the field as invalid in its own words.</summary>
    public static decimal? Price(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
}

/// <summary>The sell and edit forms of a resale listing (<c>Input.Title</c>, <c>Input.Price</c>, <c>Input.Version</c>).</summary>
public sealed class ListingForm
{
    public string? Title { get; set; }

    public string? Price { get; set; }

    public string? Version { get; set; }

    public string TrimmedTitle => Title?.Trim() ?? "";

    public int? ParsedVersion => int.TryParse(Version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
