using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Payments.Orders;

namespace Ticketing.Payments.Tests;

/// <summary>
/// Paying an order that Ordering created but whose OrderCreated has not reached Payments yet:
/// Payments asks Ordering with the buyer's token instead of answering 404. To make "not reached
/// yet" certain, the replica the event built is deleted after the event was consumed.
/// </summary>
public sealed class OrderingLookupTests
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

    /// <summary>An order made through Ordering's API whose Payments replica is gone after the event was consumed.</summary>
    private static async Task<(HttpClient Buyer, Guid BuyerId, Guid OrderId)> OrderWithoutReplicaAsync(TestPlatform platform)
    {
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        var (buyer, buyerId) = await api.SignUpAsync();
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.True(await Eventually.TrueAsync(() => platform.WithScopeAsync<PaymentsDbContext, bool>(db => db.Orders.AnyAsync(o => o.OrderId == orderId)),
            TimeSpan.FromSeconds(30)));
        await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Orders.Where(o => o.OrderId == orderId).ExecuteDeleteAsync());
        return (buyer, buyerId, orderId);
    }
}
