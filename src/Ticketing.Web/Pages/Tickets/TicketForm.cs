using System.Globalization;

namespace Ticketing.Web.Pages.Tickets;

internal static class TicketForm
{
    /// <summary>A typed price, or null so the API reports the field as invalid in its own words.</summary>
    public static decimal? Price(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
}
