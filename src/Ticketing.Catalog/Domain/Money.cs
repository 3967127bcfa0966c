using System.Collections.Frozen;

namespace Ticketing.Catalog.Domain;

/// <summary>
/// Prices travel as decimal amounts in JSON but are stored as whole minor units of an ISO 4217
/// currency, so no arithmetic on money ever rounds.
/// </summary>
internal static class Money
{
    /// <summary>Upper bound on one ticket's price, far above any real ticket, so minor units never overflow.</summary>
    public const decimal MaxPrice = 1_000_000m;

    // Active ISO 4217 codes; anything else is a typo or a test currency we cannot settle.
    private static readonly FrozenSet<string> Known = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
        CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
        GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT
        LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
        NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP
        STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG
        XOF XPF YER ZAR ZMW ZWG
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ZeroDecimal =
        new[] { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF" }
            .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ThreeDecimal =
        new[] { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Only upper-case three-letter ISO codes are accepted, so equal currencies compare equal as strings.</summary>
    public static bool IsKnownCurrency(string? code) => code is { Length: 3 } && Known.Contains(code);

    /// <summary>Digits after the decimal point in the currency's minor unit (JPY 0, USD 2, KWD 3).</summary>
    public static int Exponent(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>Decimals a buyer-facing price may have: at most 2, and none for zero-decimal currencies.</summary>
    public static int AllowedDecimals(string currency) => Math.Min(2, Exponent(currency));

    /// <summary>
    /// Converts a positive price with at most <see cref="AllowedDecimals"/> decimals to minor units;
    /// null when the price is not acceptable (the caller reports why).
    /// </summary>
    public static long? ToMinor(decimal price, string currency)
    {
        if (price <= 0 || price > MaxPrice)
        {
            return null;
        }

        var allowed = Scale(AllowedDecimals(currency));
        var scaled = price * allowed;
        if (scaled != decimal.Truncate(scaled))
        {
            return null;
        }

        return (long)(price * Scale(Exponent(currency)));
    }

    public static decimal ToMajor(long minor, string currency) => minor / Scale(Exponent(currency));

    public static string DescribePriceRule(string currency) => AllowedDecimals(currency) == 0
        ? $"The price must be a positive whole amount of {currency}, at most {MaxPrice}."
        : $"The price must be a positive amount with at most {AllowedDecimals(currency)} decimals, at most {MaxPrice}.";

    private static decimal Scale(int digits) => digits switch
    {
        0 => 1m,
        2 => 100m,
        3 => 1000m,
        _ => (decimal)Math.Pow(10, digits),
    };
}
