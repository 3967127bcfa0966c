using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;

namespace Ticketing.Payments.Tests;

/// <summary>Seeds the order replica through the real consumer path and reads Payments' tables.</summary>
internal static class PaymentsTestKit
{
    public static TestPlatform WithStripe(this TestPlatform platform, StripeFake stripe) => platform
        .With("Payments:Provider", "Stripe")
        .With("Payments:Stripe:SecretKey", StripeFake.SecretKey)
        .With("Payments:Stripe:WebhookSecret", StripeFake.WebhookSecret)
        .With("Payments:Stripe:BaseUrl", stripe.Url);

    /// <summary>Delivers <paramref name="e"/> to Payments' handlers as a transport would.</summary>
    public static async Task DeliverAsync(this TestPlatform platform, IntegrationEvent e)
    {
        var dispatcher = platform.Services.GetRequiredService<EventDispatcher>();
        var outcome = await dispatcher.DispatchAsync(PaymentsModule.ServiceName, OutboxMessage.From(e).ToEnvelope(), CancellationToken.None);
        Assert.Equal(DispatchOutcome.Handled, outcome);
    }

    public static async Task<OrderCreated> CreateOrderAsync(
        this TestPlatform platform, Guid userId, long totalMinor = 4_500, TimeSpan? expiresIn = null)
    {
        var created = new OrderCreated(Guid.CreateVersion7(), 1, userId, DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(15)),
            totalMinor, "EUR", [new OrderedTicket(Guid.NewGuid(), totalMinor)]);
        await platform.DeliverAsync(created);
        return created;
    }

    public static OrderCancelled Cancelled(OrderCreated order, string reason = CancellationReasons.Buyer) =>
        new(order.OrderId, order.Version + 1, order.UserId, order.Tickets.Select(t => t.TicketId).ToList(), reason);

    public static async Task<HttpResponseMessage> PayAsync(this HttpClient client, Guid orderId, string? paymentMethod, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments")
        {
            Content = JsonContent.Create(new { orderId, paymentMethod }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<PaymentResponse> PaidAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentResponse>())!;
    }

    public static async Task<HttpResponseMessage> SendWebhookAsync(this HttpClient client, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhooks/stripe")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    public static Task<Payment> PaymentAsync(this TestPlatform platform, Guid paymentId) =>
        platform.WithScopeAsync<PaymentsDbContext, Payment>(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId));

    public static Task<OrderReplica> ReplicaAsync(this TestPlatform platform, Guid orderId) =>
        platform.WithScopeAsync<PaymentsDbContext, OrderReplica>(db => db.Orders.AsNoTracking().SingleAsync(o => o.OrderId == orderId));

    /// <summary>The payment once its asynchronous confirmation has moved it out of <c>pending</c>.</summary>
    public static async Task<Payment> SettledAsync(this TestPlatform platform, Guid paymentId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var payment = await platform.PaymentAsync(paymentId);
            if (payment.Status != PaymentStatuses.Pending || DateTime.UtcNow > deadline)
            {
                return payment;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Payloads of the events of <typeparamref name="T"/> Payments recorded in its outbox.</summary>
    public static Task<List<T>> OutboxAsync<T>(this TestPlatform platform)
        where T : IntegrationEvent =>
        platform.WithScopeAsync<PaymentsDbContext, List<T>>(async db =>
            (await db.OutboxMessages.AsNoTracking().Where(m => m.EventType == typeof(T).Name).OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<T>(m.Payload, MessageSerializer.Options)!)
            .ToList());
}
