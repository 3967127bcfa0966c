using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.34", "USD", 1234)]
    [InlineData("20", "EUR", 2000)]
    [InlineData("0.01", "GBP", 1)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.5", "KWD", 1500)]
    public void ToMinor_validPrice_returnsWholeMinorUnits(string price, string currency, long expected)
    {
        Assert.Equal(expected, Money.ToMinor(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), currency));
    }

    [Theory]
    [InlineData("0", "USD")]
    [InlineData("-5", "USD")]
    [InlineData("1.234", "USD")]
    [InlineData("10.5", "JPY")]
    [InlineData("1.005", "KWD")]
    [InlineData("1000000.01", "USD")]
    public void ToMinor_invalidPrice_returnsNull(string price, string currency)
    {
        Assert.Null(Money.ToMinor(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), currency));
    }

    [Theory]
    [InlineData(1234, "USD", "12.34")]
    [InlineData(1500, "JPY", "1500")]
    [InlineData(1500, "KWD", "1.5")]
    public void ToMajor_minorUnits_returnsDecimalAmount(long minor, string currency, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.ToMajor(minor, currency));
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("EUR", true)]
    [InlineData("usd", false)]
    [InlineData("XXX", false)]
    [InlineData("US", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnownCurrency_code_acceptsOnlyUpperCaseIsoCodes(string? code, bool expected)
    {
        Assert.Equal(expected, Money.IsKnownCurrency(code));
    }
}
