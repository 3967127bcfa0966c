using System.Net;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;

namespace Ticketing.Payments.Tests;

/// <summary>
/// The Stripe webhook endpoint's signature, replay and API version checks (Stripe.net's), with
/// events and signatures built by the fake independently of the code under test.
/// </summary>
public sealed class StripeWebhookTests
{
    [Fact]
    public async Task Webhook_signedInsideToleranceByOneOfSeveralV1_processedOnceThenDuplicate()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (paymentId, intentId) = await PayAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        // While a secret is rolled Stripe sends one v1 per secret; ours is the second here.
        var good = StripeFake.Sign(payload, DateTimeOffset.UtcNow.AddSeconds(-290)).Split(',');
        var old = StripeFake.Sign(payload, DateTimeOffset.UtcNow.AddSeconds(-290), "whsec_old").Split(',')[1];
        var header = $"{good[0]},{old},{good[1]},v0=ignored";
        using var webhook = platform.CreateClient();

        var first = await webhook.SendWebhookAsync(payload, header);
        var second = await webhook.SendWebhookAsync(payload, header);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Contains("processed", await first.Content.ReadAsStringAsync());
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync());
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(paymentId)).Status);
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Webhook_timestampOutsideTolerance_returns400AndChangesNothing(int offsetSeconds)
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (paymentId, intentId) = await PayAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();

        // Also in the future: such a timestamp would otherwise stay replayable for long.
        var response = await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow.AddSeconds(offsetSeconds)));

        await AssertRejectedAsync(response, platform, paymentId);
    }

    [Fact]
    public async Task Webhook_missingOrMalformedSignatureHeaders_eachReturn400AndChangeNothing()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (paymentId, intentId) = await PayAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        var signed = StripeFake.Sign(payload, DateTimeOffset.UtcNow).Split(',');
        string[] headers =
        [
            "",
            "garbage",
            signed[0],
            signed[1],
            $"t=abc,{signed[1]}",
            $"{signed[0]},{signed[1].Replace("v1=", "v0=", StringComparison.Ordinal)}",
            $"{signed[0]},v1={new string('0', 64)}",
            // Correctly signed, with a timestamp past what Stripe.net reads as seconds.
            StripeFake.Sign(payload, DateTimeOffset.UtcNow.AddYears(100)),
        ];
        using var webhook = platform.CreateClient();

        foreach (var header in headers)
        {
            var response = await webhook.SendWebhookAsync(payload, header);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{header}: {(int)response.StatusCode}");
        }

        await AssertRejectedAsync(await webhook.SendWebhookAsync(payload, null), platform, paymentId);
    }

    [Fact]
    public async Task Webhook_eventFromEndpointOnOtherApiVersion_returns400AndIsAppliedWhenResentOnTheExpectedOne()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (paymentId, intentId) = await PayAsync(platform);
        var stale = stripe.Event("payment_intent.succeeded", intentId, eventId: "evt_versioned", apiVersion: "2024-06-20");
        using var webhook = platform.CreateClient();

        var response = await webhook.SendWebhookAsync(stale, StripeFake.Sign(stale, DateTimeOffset.UtcNow));

        await AssertRejectedAsync(response, platform, paymentId);
        Assert.Contains("2024-06-20", await response.Content.ReadAsStringAsync());
        // Not remembered as processed: the same event from a corrected endpoint applies.
        var current = stripe.Event("payment_intent.succeeded", intentId, eventId: "evt_versioned");
        var resent = await webhook.SendWebhookAsync(current, StripeFake.Sign(current, DateTimeOffset.UtcNow));
        Assert.Contains("processed", await resent.Content.ReadAsStringAsync());
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(paymentId)).Status);
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, TestPlatform platform, Guid paymentId)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var payment = await platform.PaymentAsync(paymentId);
        Assert.Equal((PaymentStatuses.Pending, 1), (payment.Status, payment.Version));
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
    }

    private static async Task<(Guid PaymentId, string IntentId)> PayAsync(TestPlatform platform)
    {
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 4_500);
        using var client = platform.CreateClientFor(buyer);
        var payment = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        return (payment.Id, (await platform.PaymentAsync(payment.Id)).ProviderPaymentId!);
    }
}
