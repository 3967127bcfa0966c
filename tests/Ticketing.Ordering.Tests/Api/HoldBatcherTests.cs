using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Ordering.Orders;

namespace Ticketing.Ordering.Tests.Api;

/// <summary>
/// Group commit on SQLite: orders placed in one transaction, each in its own savepoint. A refused or
/// failing order must leave its neighbours' holds and orders intact, and leave nothing of its own.
/// </summary>
public sealed class HoldBatcherTests
{
    [Fact]
    public async Task PlaceBatch_cartWantsATicketTheOrderBeforeHolds_refusedWithNothingHeldAndTheOthersCommit()
    {
        await using var platform = new TestPlatform();
        var first = await platform.SeedTicketAsync();
        var second = await platform.SeedTicketAsync();
        var third = await platform.SeedTicketAsync();
        // The cart's update holds the third ticket before its count falls short: the savepoint must undo that.
        PendingHold[] batch = [Wanting(first.TicketId), Wanting(first.TicketId, third.TicketId), Wanting(second.TicketId)];

        await platform.Services.GetRequiredService<HoldBatcher>().PlaceBatchAsync(batch, CancellationToken.None);

        var placements = await Task.WhenAll(batch.Select(p => p.Answer.Task));
        Assert.NotNull(placements[0].Order);
        Assert.Equal(HoldRefusal.Shortfall, placements[1].Refusal);
        Assert.NotNull(placements[2].Order);
        var (orders, firstHeldBy, secondHeldBy, created) = await StateAsync(platform, first.TicketId, second.TicketId);
        Assert.Equal(new[] { batch[0].Request.OrderId, batch[2].Request.OrderId }.Order(), orders.Order());
        Assert.Equal(batch[0].Request.OrderId, firstHeldBy);
        Assert.Equal(batch[2].Request.OrderId, secondHeldBy);
        Assert.Null((await platform.ReplicaAsync(third.TicketId))!.HeldByOrderId);
        Assert.Equal(2, created);
    }

    [Fact]
    public async Task PlaceBatch_orderFailsToSave_itsHoldIsUndoneAndTheOthersCommit()
    {
        await using var platform = new TestPlatform();
        var first = await platform.SeedTicketAsync();
        var second = await platform.SeedTicketAsync();
        var placed = Wanting(first.TicketId);
        // The same order id again: its hold succeeds, then inserting the order breaks the primary key.
        var clashing = new PendingHold(Wanting(second.TicketId).Request with { OrderId = placed.Request.OrderId }, CancellationToken.None);

        await platform.Services.GetRequiredService<HoldBatcher>().PlaceBatchAsync([placed, clashing], CancellationToken.None);

        Assert.NotNull((await placed.Answer.Task).Order);
        await Assert.ThrowsAsync<DbUpdateException>(() => clashing.Answer.Task);
        var (orders, firstHeldBy, secondHeldBy, created) = await StateAsync(platform, first.TicketId, second.TicketId);
        Assert.Equal([placed.Request.OrderId], orders);
        Assert.Equal(placed.Request.OrderId, firstHeldBy);
        Assert.Null(secondHeldBy);
        Assert.Equal(1, created);
    }

    private static PendingHold Wanting(params Guid[] ticketIds) => new(
        new HoldRequest(Guid.CreateVersion7(), Guid.NewGuid(), ticketIds, null, null, ticketIds.Length, new Admitted(Guid.Empty, DateTime.UtcNow)),
        CancellationToken.None);

    private static Task<(List<Guid> Orders, Guid? FirstHeldBy, Guid? SecondHeldBy, int Created)> StateAsync(
        TestPlatform platform, Guid first, Guid second) =>
        platform.WithScopeAsync<OrderingDbContext, (List<Guid>, Guid?, Guid?, int)>(async db => (
            await db.Orders.AsNoTracking().Select(o => o.Id).ToListAsync(),
            (await db.Tickets.AsNoTracking().SingleAsync(t => t.TicketId == first)).HeldByOrderId,
            (await db.Tickets.AsNoTracking().SingleAsync(t => t.TicketId == second)).HeldByOrderId,
            await db.OutboxMessages.AsNoTracking().CountAsync(m => m.EventType == nameof(Contracts.OrderCreated))));
}
