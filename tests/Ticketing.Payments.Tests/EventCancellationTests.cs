using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;

namespace Ticketing.Payments.Tests;

/// <summary>Orders Ordering cancelled because the organizer cancelled their event (reason event-cancelled).</summary>
public sealed class EventCancellationTests
{
    [Fact]
    public async Task Pay_orderOfCancelledEvent_returns409SayingTheEventWasCancelled()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order, CancellationReasons.EventCancelled));
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PayAsync(order.OrderId, "pm_card_visa");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cancelled this order's event", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>($"/api/payments?orderId={order.OrderId}") ?? []);
    }

    [Fact]
    public async Task OrderCancelled_eventCancelledForCompleteOrder_deliveredTwice_refundsOnceWithReasonEventCancelled()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, order) = await PayWithStripeAsync(platform);
        await SucceedAsync(platform, stripe, intentId);
        await platform.DeliverAsync(new OrderCompleted(order.OrderId, 2, order.UserId, order.TotalMinor, order.Currency, []));
        var cancelled = new OrderCancelled(order.OrderId, 3, order.UserId, [], CancellationReasons.EventCancelled);

        await platform.DeliverAsync(cancelled);
        await platform.DeliverAsync(cancelled);
        await platform.DeliverAsync(cancelled with { Id = Guid.CreateVersion7() });

        Assert.Single(stripe.Refunds);
        Assert.Equal(PaymentStatuses.Refunded, (await platform.PaymentAsync(payment.Id)).Status);
        var issued = Assert.Single(await platform.OutboxAsync<RefundIssued>());
        Assert.Equal((payment.Id, order.UserId, 4_500L, RefundReasons.EventCancelled), (issued.PaymentId, issued.UserId, issued.AmountMinor, issued.Reason));
        var replica = await platform.ReplicaAsync(order.OrderId);
        Assert.Equal((OrderStatuses.Cancelled, CancellationReasons.EventCancelled, 3), (replica.Status, replica.CancelReason, replica.Version));
    }

    [Fact]
    public async Task Webhook_succeededAfterEventCancelled_refundsAndNeverPublishesPaymentSucceeded()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = new TestPlatform().WithStripe(stripe);
        var (payment, intentId, order) = await PayWithStripeAsync(platform);
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order, CancellationReasons.EventCancelled));

        await SucceedAsync(platform, stripe, intentId);

        Assert.Single(stripe.Refunds);
        Assert.Equal(PaymentStatuses.Refunded, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
        Assert.Equal(payment.Id, Assert.Single(await platform.OutboxAsync<RefundIssued>()).PaymentId);
    }

    private static async Task SucceedAsync(TestPlatform platform, StripeFake stripe, string intentId)
    {
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
    }

    private static async Task<(PaymentResponse Payment, string IntentId, OrderCreated Order)> PayWithStripeAsync(TestPlatform platform)
    {
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 4_500);
        using var client = platform.CreateClientFor(buyer);
        var payment = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        return (payment, (await platform.PaymentAsync(payment.Id)).ProviderPaymentId!, order);
    }
}
