using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments.Tests;

public sealed class StripeSignatureTests
{
    private const string Payload = """{"id":"evt_1","type":"payment_intent.succeeded"}""";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void Verify_headerSignedWithStripesScheme_accepts()
    {
        var header = StripeFake.Sign(Payload, Now.AddSeconds(-10), "whsec_a");

        Assert.True(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }

    [Fact]
    public void Sign_producesWhatStripesSchemeProduces()
    {
        Assert.Equal(StripeFake.Sign(Payload, Now, "whsec_a"), StripeSignature.Sign(Payload, "whsec_a", Now));
    }

    [Fact]
    public void Verify_otherSecret_rejects()
    {
        var header = StripeFake.Sign(Payload, Now, "whsec_forger");

        Assert.False(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }

    [Fact]
    public void Verify_payloadChangedAfterSigning_rejects()
    {
        var header = StripeFake.Sign(Payload, Now, "whsec_a");

        Assert.False(StripeSignature.Verify(Payload.Replace("evt_1", "evt_2"), header, "whsec_a", Now, Tolerance));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_timestampOutsideTolerance_rejects(int offsetSeconds)
    {
        var header = StripeFake.Sign(Payload, Now.AddSeconds(offsetSeconds), "whsec_a");

        Assert.False(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }

    [Fact]
    public void Verify_timestampAtEdgeOfTolerance_accepts()
    {
        var header = StripeFake.Sign(Payload, Now.AddSeconds(-300), "whsec_a");

        Assert.True(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }

    [Fact]
    public void Verify_oneOfSeveralV1Matches_accepts()
    {
        var good = StripeFake.Sign(Payload, Now, "whsec_new");
        var old = StripeFake.Sign(Payload, Now, "whsec_old").Split(',')[1];
        var header = $"{good.Split(',')[0]},{old},{good.Split(',')[1]},v0=ignored";

        Assert.True(StripeSignature.Verify(Payload, header, "whsec_new", Now, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=1772366400")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=zz")]
    public void Verify_missingOrMalformedHeader_rejects(string? header)
    {
        Assert.False(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }

    [Fact]
    public void Verify_onlyV0Signature_rejects()
    {
        var header = StripeFake.Sign(Payload, Now, "whsec_a").Replace("v1=", "v0=");

        Assert.False(StripeSignature.Verify(Payload, header, "whsec_a", Now, Tolerance));
    }
}
