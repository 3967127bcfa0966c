using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Payments.Orders;

namespace Ticketing.Payments.Tests;

/// <summary>
/// Payments asks Ordering (with the buyer's token) for the order it is about to charge: an order
/// whose OrderCreated has not reached Payments yet is paid at once instead of answering 404 (to
/// make "not reached yet" certain, the replica the event built is deleted after the event was
/// consumed), and a hold about to end is extended for the payment in both services.
/// </summary>
public sealed class OrderingCheckoutTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Pay_orderPaymentsHasNotHeardOf_paysAtOnceAndTheLateEventIsANoOp(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var (buyer, buyerId, orderId) = await OrderWithoutReplicaAsync(platform);

        var paid = await PlatformApi.PayAsync(buyer, orderId);
        var replica = await platform.ReplicaAsync(orderId);
        await platform.DeliverAsync(new OrderCreated(orderId, 1, buyerId, DateTimeOffset.UtcNow.AddMinutes(30), 1, "usd", []));

        Assert.Equal(4050, paid.GetProperty("amount").GetInt64());
        Assert.Equal((buyerId, 4050L, "EUR"), (replica.UserId, replica.TotalMinor, replica.Currency));
        // The sandbox payment completes the order, and OrderCompleted (version 2) may reach the
        // replica before or after this test reads it; what the late OrderCreated must not do is
        // take the replica back to version 1.
        Assert.InRange(replica.Version, 1, 2);
        var after = await platform.ReplicaAsync(orderId);
        Assert.Equal(buyerId, after.UserId);
        Assert.True(after.Version >= replica.Version, $"the late OrderCreated took the replica from version {replica.Version} to {after.Version}");
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Payments.CountAsync(p => p.OrderId == orderId)));
    }

    [Fact]
    public async Task Pay_someoneElsesOrderOnlyOrderingKnows_returns404AndStoresNothing()
    {
        await using var platform = new TestPlatform();
        var (_, _, orderId) = await OrderWithoutReplicaAsync(platform);
        var stranger = await platform.SignUpAsync();
        using var client = platform.CreateClientFor(stranger);

        var response = await client.PayAsync(orderId, "pm_card_visa");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await platform.WithScopeAsync<PaymentsDbContext, bool>(db => db.Orders.AnyAsync(o => o.OrderId == orderId)));
    }

    /// <summary>
    /// With one API permit and no queue, the payment holds the permit while it asks Ordering in the
    /// same process; were that nested call counted, it would find no permit and the payment would fail.
    /// </summary>
    [Fact]
    public async Task Pay_concurrencyLimitOfOne_nestedCallToOrderingIsNotCountedTwice()
    {
        await using var platform = new TestPlatform()
            .With("Ticketing:MaxConcurrentApiRequests", "1")
            .With("Ticketing:ApiRequestQueue", "0");
        var (buyer, _, orderId) = await OrderWithoutReplicaAsync(platform);

        var response = await buyer.PostAsJsonAsync("/api/payments", new { orderId, paymentMethod = "pm_card_visa" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Pay_holdEndingWithinThePaymentWindow_extendsItInOrderingAndInTheReplica()
    {
        await using var platform = new TestPlatform().With("Ordering:PaymentWindow", "01:00:00");
        var (buyer, _, orderId) = await OrderWithReplicaAsync(platform);
        var before = await platform.ReplicaAsync(orderId);

        await PlatformApi.PayAsync(buyer, orderId);

        var ordering = await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        var extendedTo = ordering.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        Assert.InRange(extendedTo, before.ExpiresAt.AddMinutes(44), before.ExpiresAt.AddMinutes(46));
        Assert.Equal(extendedTo, (await platform.ReplicaAsync(orderId)).ExpiresAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Pay_orderingUnreachable_paysFromTheReplica()
    {
        await using var platform = new TestPlatform().With("Payments:OrderingUrl", $"http://127.0.0.1:{UnusedPort()}/");
        var (buyer, _, orderId) = await OrderWithReplicaAsync(platform);

        var response = await buyer.PostAsJsonAsync("/api/payments", new { orderId, paymentMethod = "pm_card_visa" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Pay_orderingUnreachableAndNoReplica_answers503()
    {
        await using var platform = new TestPlatform().With("Payments:OrderingUrl", $"http://127.0.0.1:{UnusedPort()}/");
        var (buyer, _, orderId) = await OrderWithoutReplicaAsync(platform);

        var response = await buyer.PostAsJsonAsync("/api/payments", new { orderId, paymentMethod = "pm_card_visa" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An order made through Ordering's API whose Payments replica is gone after the event was consumed.</summary>
    private static async Task<(HttpClient Buyer, Guid BuyerId, Guid OrderId)> OrderWithoutReplicaAsync(TestPlatform platform)
    {
        var (buyer, buyerId, orderId) = await OrderWithReplicaAsync(platform);
        await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Orders.Where(o => o.OrderId == orderId).ExecuteDeleteAsync());
        return (buyer, buyerId, orderId);
    }

    /// <summary>An order made through Ordering's API, once its OrderCreated built Payments' replica.</summary>
    private static async Task<(HttpClient Buyer, Guid BuyerId, Guid OrderId)> OrderWithReplicaAsync(TestPlatform platform)
    {
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        var (buyer, buyerId) = await api.SignUpAsync();
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.True(await Eventually.TrueAsync(() => platform.WithScopeAsync<PaymentsDbContext, bool>(db => db.Orders.AnyAsync(o => o.OrderId == orderId)),
            TimeSpan.FromSeconds(30)));
        return (buyer, buyerId, orderId);
    }
}
