using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Payments.Orders;

namespace Ticketing.Payments.Tests;

/// <summary>The order replica, fed through the real consumer path (dispatcher + inbox).</summary>
public sealed class OrderReplicaTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task OrderCreated_deliveredTwice_secondIsNoOp(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var order = await platform.CreateOrderAsync(Guid.NewGuid(), totalMinor: 3_000);
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order));

        // The same OrderCreated again must not revive the cancelled order.
        await platform.DeliverAsync(order);

        var replica = await platform.ReplicaAsync(order.OrderId);
        Assert.Equal((OrderStatuses.Cancelled, 2, 3_000L), (replica.Status, replica.Version, replica.TotalMinor));
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task OrderCreated_redeliveredWithNewEventId_doesNotReviveCancelledOrder()
    {
        await using var platform = new TestPlatform();
        var order = await platform.CreateOrderAsync(Guid.NewGuid());
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order));

        await platform.DeliverAsync(order with { Id = Guid.CreateVersion7() });

        Assert.Equal(OrderStatuses.Cancelled, (await platform.ReplicaAsync(order.OrderId)).Status);
    }

    [Fact]
    public async Task OrderCancelled_beforeOrderCreated_endsCancelledWithTheAmount()
    {
        await using var platform = new TestPlatform();
        var order = new OrderCreated(Guid.CreateVersion7(), 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15), 2_000, "eur", []);

        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order));
        await platform.DeliverAsync(order);

        var replica = await platform.ReplicaAsync(order.OrderId);
        Assert.Equal((OrderStatuses.Cancelled, 2_000L, "EUR"), (replica.Status, replica.TotalMinor, replica.Currency));
    }

    /// <summary>
    /// The consumer handles several messages at once: an order cancelled right after it was created
    /// (a quick buyer, a backlog) races its OrderCreated. Losing the cancellation would let the
    /// order be paid with no refund coming.
    /// </summary>
    [Fact]
    public async Task OrderCancelled_appliedAtOnceWithOrderCreated_endsCancelledEveryTime()
    {
        await using var platform = new TestPlatform(TestProvider.PostgreSql);
        _ = platform.Services;
        var lost = new List<string>();

        for (var i = 0; i < 60; i++)
        {
            var order = new OrderCreated(Guid.CreateVersion7(), 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15), 2_000, "eur", []);
            await Task.WhenAll(
                Task.Run(() => platform.DeliverAsync(order)),
                Task.Run(() => platform.DeliverAsync(PaymentsTestKit.Cancelled(order))));
            if ((await platform.ReplicaAsync(order.OrderId)).Status != OrderStatuses.Cancelled)
            {
                lost.Add($"round {i}");
            }
        }

        Assert.True(lost.Count == 0, string.Join(", ", lost));
    }

    [Fact]
    public async Task OrderCreated_expiryAlreadyPast_isStored()
    {
        await using var platform = new TestPlatform();

        var order = await platform.CreateOrderAsync(Guid.NewGuid(), expiresIn: TimeSpan.FromHours(-2));

        var replica = await platform.ReplicaAsync(order.OrderId);
        Assert.Equal(OrderStatuses.Created, replica.Status);
        Assert.True(replica.ExpiresAt < DateTime.UtcNow);
    }

    [Fact]
    public async Task OrderCompleted_afterCreated_marksComplete_andStaleCreatedIsIgnored()
    {
        await using var platform = new TestPlatform();
        var order = await platform.CreateOrderAsync(Guid.NewGuid());

        await platform.DeliverAsync(new OrderCompleted(order.OrderId, 2, order.UserId, order.TotalMinor, order.Currency, []));
        await platform.DeliverAsync(order with { Id = Guid.CreateVersion7() });

        var replica = await platform.ReplicaAsync(order.OrderId);
        Assert.Equal((OrderStatuses.Complete, 2), (replica.Status, replica.Version));
    }
}
