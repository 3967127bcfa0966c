using System.Net;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Payments;

namespace Ticketing.Payments.Tests;

/// <summary>The Stripe provider against a local fake of Stripe's REST API.</summary>
public sealed class StripePaymentTests
{
    [Fact]
    public async Task Pay_stripe_createsPaymentIntentForReplicaTotalWithOrderAttemptIdempotencyKey()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 12_000);
        using var client = platform.CreateClientFor(buyer);

        var payment = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();

        var call = Assert.Single(stripe.Calls);
        Assert.Equal("/v1/payment_intents", call.Path);
        Assert.Equal($"ticketing-order-{order.OrderId:N}-attempt-1", call.IdempotencyKey);
        Assert.Equal(("12000", "eur", order.OrderId.ToString(), "pm_card_visa", "true"),
            (call.Form["amount"], call.Form["currency"], call.Form["metadata[order_id]"], call.Form["payment_method"], call.Form["confirm"]));
        Assert.Equal(PaymentStatuses.Pending, payment.Status);
        Assert.StartsWith($"{(await platform.PaymentAsync(payment.Id)).ProviderPaymentId}_secret_", payment.ClientSecret);
        // Only the webhook confirms, even when the intent already says succeeded.
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
    }

    [Fact]
    public async Task Webhook_sameSucceededEventThreeTimes_appliesOnce()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, _, _) = await PayWithStripeAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            outcomes.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("processed", outcomes[0]);
        Assert.All(outcomes.Skip(1), o => Assert.Contains("duplicate", o));
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
    }

    [Fact]
    public async Task Webhook_capturedRequestReplayedVerbatim_isDuplicateAndChangesNothing()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, _, _) = await PayWithStripeAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        // An attacker who captured one genuine delivery (body and signature header) sends it again.
        var captured = StripeFake.Sign(payload, DateTimeOffset.UtcNow);
        using var webhook = platform.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await webhook.SendWebhookAsync(payload, captured)).StatusCode);
        var before = await platform.PaymentAsync(payment.Id);

        var replay = await webhook.SendWebhookAsync(payload, captured);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("duplicate", await replay.Content.ReadAsStringAsync());
        var after = await platform.PaymentAsync(payment.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
        Assert.Empty(stripe.Refunds);
    }

    public static TheoryData<string> BadSignatures => new() { "unsigned", "forged", "stale", "tampered" };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Webhook_unsignedForgedStaleOrTampered_returns400AndChangesNothing(string kind)
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, _, _) = await PayWithStripeAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        var signature = kind switch
        {
            "unsigned" => null,
            "forged" => StripeFake.Sign(payload, DateTimeOffset.UtcNow, "whsec_guessed"),
            "stale" => StripeFake.Sign(payload, DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => StripeFake.Sign(payload.Replace("\"amount\":4500", "\"amount\":1"), DateTimeOffset.UtcNow),
        };
        using var webhook = platform.CreateClient();

        var response = await webhook.SendWebhookAsync(payload, signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PaymentStatuses.Pending, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
        // Rejected events are not remembered: the genuine delivery still applies.
        var genuine = await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(payment.Id)).Status);
    }

    [Fact]
    public async Task Webhook_succeededAfterOrderExpired_refundsAndPublishesRefundIssued()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, order, _) = await PayWithStripeAsync(platform);
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order, CancellationReasons.Expired));
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();

        var response = await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refund = Assert.Single(stripe.Refunds);
        Assert.Equal(intentId, refund.Form["payment_intent"]);
        Assert.Equal($"ticketing-refund-{payment.Id:N}", refund.IdempotencyKey);
        Assert.Equal(PaymentStatuses.Refunded, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
        var issued = Assert.Single(await platform.OutboxAsync<RefundIssued>());
        Assert.Equal((payment.Id, order.OrderId, 4_500L), (issued.PaymentId, issued.OrderId, issued.AmountMinor));
    }

    [Fact]
    public async Task OrderCancelled_afterPaymentSucceeded_refundsOnceEvenWhenDeliveredTwice()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, order, _) = await PayWithStripeAsync(platform);
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();
        await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());

        // Ordering cancelled the order before it saw PaymentSucceeded, so it will never complete it.
        var cancelled = PaymentsTestKit.Cancelled(order, CancellationReasons.Expired);
        await platform.DeliverAsync(cancelled);
        await platform.DeliverAsync(cancelled);
        await platform.DeliverAsync(cancelled with { Id = Guid.CreateVersion7() });

        Assert.Single(stripe.Refunds);
        Assert.Equal(PaymentStatuses.Refunded, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Equal("order-expired", Assert.Single(await platform.OutboxAsync<RefundIssued>()).Reason);
    }

    [Fact]
    public async Task Webhook_secondPaymentSucceedsForPaidOrder_refundsTheSecond()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (first, firstIntent, order, buyer) = await PayWithStripeAsync(platform);
        using var client = platform.CreateClientFor(buyer);
        var second = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        var secondIntent = (await platform.PaymentAsync(second.Id)).ProviderPaymentId!;
        using var webhook = platform.CreateClient();

        foreach (var intent in new[] { firstIntent, secondIntent })
        {
            var payload = stripe.Event("payment_intent.succeeded", intent);
            await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));
        }

        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(first.Id)).Status);
        Assert.Equal(PaymentStatuses.Refunded, (await platform.PaymentAsync(second.Id)).Status);
        Assert.Equal(first.Id, Assert.Single(await platform.OutboxAsync<PaymentSucceeded>()).PaymentId);
        Assert.Equal("order-already-paid", Assert.Single(await platform.OutboxAsync<RefundIssued>()).Reason);
    }

    [Fact]
    public async Task Pay_stripeDeclinesAtOnce_returnsFailedAndNextAttemptUsesANewKey()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var declined = await (await client.PayAsync(order.OrderId, "pm_card_chargeDeclined")).PaidAsync();
        var retry = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();

        Assert.Equal((PaymentStatuses.Failed, "generic_decline"), (declined.Status, declined.FailureCode));
        Assert.Equal(PaymentStatuses.Pending, retry.Status);
        Assert.Equal(
            [$"ticketing-order-{order.OrderId:N}-attempt-1", $"ticketing-order-{order.OrderId:N}-attempt-2"],
            stripe.Calls.Select(c => c.IdempotencyKey).ToArray());
    }

    [Fact]
    public async Task Pay_paymentMethodStripeDoesNotKnow_returns400()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PayAsync(order.OrderId, "pm_does_not_exist");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pay_stripeUnreachable_returns502AndKeyCanBeRetried()
    {
        await using var platform = new TestPlatform()
            .With("Payments:Provider", "Stripe")
            .With("Payments:Stripe:SecretKey", StripeFake.SecretKey)
            .With("Payments:Stripe:WebhookSecret", StripeFake.WebhookSecret)
            .With("Payments:Stripe:BaseUrl", "http://127.0.0.1:9");
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var first = await client.PayAsync(order.OrderId, "pm_card_visa", "retry-me");
        var second = await client.PayAsync(order.OrderId, "pm_card_visa", "retry-me");

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
    }

    [Theory]
    [InlineData("amount-as-string")]
    [InlineData("negative-amount")]
    [InlineData("unpaired-surrogate-in-id")]
    [InlineData("unpaired-surrogate-in-intent-id")]
    [InlineData("created-beyond-any-date")]
    [InlineData("object-not-a-string")]
    public async Task Webhook_signedButMalformedShape_returns400AndChangesNothing(string shape)
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, _, _) = await PayWithStripeAsync(platform);
        var genuine = stripe.Event("payment_intent.succeeded", intentId, eventId: "evt_malformed");
        var payload = shape switch
        {
            "amount-as-string" => genuine.Replace("\"amount\":4500", "\"amount\":\"4500\""),
            "negative-amount" => genuine.Replace("\"amount\":4500", "\"amount\":-4500"),
            "unpaired-surrogate-in-id" => genuine.Replace("\"evt_malformed\"", "\"evt_\\ud800\""),
            "created-beyond-any-date" => System.Text.RegularExpressions.Regex.Replace(genuine, "\"created\":\\d+", "\"created\":99999999999999999"),
            "object-not-a-string" => genuine.Replace("\"object\":\"event\"", "\"object\":5"),
            _ => genuine.Replace($"\"{intentId}\"", "\"pi_\\udc00\""),
        };
        Assert.NotEqual(genuine, payload);
        using var webhook = platform.CreateClient();

        var response = await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await platform.PaymentAsync(payment.Id);
        Assert.Equal((PaymentStatuses.Pending, 1), (after.Status, after.Version));
        Assert.Empty(stripe.Refunds);
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
    }

    private static async Task<(PaymentResponse Payment, string IntentId, OrderCreated Order, TestUser Buyer)> PayWithStripeAsync(TestPlatform platform)
    {
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 4_500);
        using var client = platform.CreateClientFor(buyer);
        var payment = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        var intentId = (await platform.PaymentAsync(payment.Id)).ProviderPaymentId!;
        return (payment, intentId, order, buyer);
    }
}
