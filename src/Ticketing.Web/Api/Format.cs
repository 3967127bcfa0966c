using System.Globalization;

namespace Ticketing.Web.Api;

public static class Format
{
    private static readonly HashSet<string> ZeroDecimal = ["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX"];

    private static readonly HashSet<string> ThreeDecimal = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    public static decimal MinorToMajor(long minor, string currency) =>
        ZeroDecimal.Contains(currency) ? minor : ThreeDecimal.Contains(currency) ? minor / 1000m : minor / 100m;

    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString(ZeroDecimal.Contains(currency) ? "N0" : "N2", CultureInfo.InvariantCulture)} {currency}";

    public static string Minor(long minor, string currency) => Money(MinorToMajor(minor, currency), currency);

    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A wait as people say it ("about 3 minutes"): the figure is an estimate, so exact seconds
    /// beyond the first minute would promise a precision it does not have.
    /// </summary>
    public static string Wait(int seconds)
    {
        if (seconds < 5)
        {
            return "a few seconds";
        }

        if (seconds < 60)
        {
            return $"about {seconds} seconds";
        }

        var minutes = (seconds + 30) / 60;
        if (minutes < 60)
        {
            return minutes == 1 ? "about 1 minute" : $"about {minutes} minutes";
        }

        var (hours, rest) = (minutes / 60, minutes % 60);
        var hourText = hours == 1 ? "1 hour" : $"{hours} hours";
        return rest == 0 ? $"about {hourText}" : $"about {hourText} {rest} {(rest == 1 ? "minute" : "minutes")}";
    }

    /// <summary>Row of a seat label "Section Row-Number": everything before the last dash.</summary>
    public static (string Row, int Number) SplitSeat(string seat)
    {
        var dash = seat.LastIndexOf('-');
        return dash > 0 && int.TryParse(seat[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (seat[..dash], n)
            : (seat, 0);
    }
}
