using System.Globalization;

namespace Ticketing.Web.Pages.Organizer;

internal static class OrganizerForm
{
    /// <summary>A datetime-local value read as UTC (the form says so), or null for the API to reject.</summary>
    public static DateTimeOffset? Utc(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    public static int? Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string[] Rows(string text) =>
        text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
