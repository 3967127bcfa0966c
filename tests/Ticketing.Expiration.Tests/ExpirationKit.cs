using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Ordering;
using Ticketing.Ordering.Domain;

namespace Ticketing.Expiration.Tests;

internal static class ExpirationKit
{
    public const string TwoSeconds = "00:00:02";

    /// <summary>A ticket in Ordering's replica, delivered the way Catalog's event would be.</summary>
    public static async Task<Guid> SeedTicketAsync(this TestPlatform ordering)
    {
        var ticket = new TicketCreated(Guid.NewGuid(), 1, "Concert", 2500, "EUR", Guid.NewGuid(), null, null, "A-1", TicketStatuses.Available, null);
        await ordering.DeliverAsync("ordering", ticket);
        return ticket.TicketId;
    }

    public static Task<Order> OrderAsync(this TestPlatform ordering, Guid orderId) =>
        ordering.WithScopeAsync<OrderingDbContext, Order>(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    public static Task<Guid?> HolderAsync(this TestPlatform ordering, Guid ticketId) =>
        ordering.WithScopeAsync<OrderingDbContext, Guid?>(async db =>
            (await db.Tickets.AsNoTracking().SingleAsync(t => t.TicketId == ticketId)).HeldByOrderId);

    public static Task<bool> HasTimerAsync(this TestPlatform expiration, Guid orderId) =>
        expiration.WithScopeAsync<ExpirationDbContext, bool>(db => db.Timers.AnyAsync(t => t.OrderId == orderId));

    public static Task<bool> HasPendingTimerAsync(this TestPlatform expiration, Guid orderId) =>
        expiration.WithScopeAsync<ExpirationDbContext, bool>(db => db.Timers.AnyAsync(t => t.OrderId == orderId && t.FiredAt == null));

    /// <summary>Polls <paramref name="condition"/> until it holds; false if <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    public static async Task AssertExpiredAsync(TestPlatform ordering, Guid orderId, Guid ticketId)
    {
        Assert.Equal(OrderStatuses.Cancelled, (await ordering.OrderAsync(orderId)).Status);
        Assert.Null(await ordering.HolderAsync(ticketId));
        var cancelled = Assert.Single(await ordering.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == orderId);
        Assert.Equal(CancellationReasons.Expired, cancelled.Reason);
    }
}
