using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.Contracts;

namespace Ticketing.Payments.Orders;

/// <summary>
/// Keeps the order replica at Ordering's newest version. Status changes are one conditional
/// UPDATE on the version, so duplicates and late (out-of-order) events are no-ops. An order's
/// amount, currency, owner and expiry never change, so they are written whenever known: an
/// OrderCancelled that overtakes its OrderCreated still leaves a complete row.
/// </summary>
internal sealed class ApplyOrderCreated(PaymentsDbContext db) : IIntegrationEventHandler<OrderCreated>
{
    public async Task HandleAsync(OrderCreated e, CancellationToken cancellationToken)
    {
        // Taken as published, even when already past: whether it can still be paid is decided at payment time.
        var expiresAt = e.ExpiresAt.UtcDateTime;
        var currency = e.Currency.ToUpperInvariant();
        var trace = TraceContext.Capture();
        var existing = await db.Orders
            .Where(o => o.OrderId == e.OrderId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.UserId, e.UserId)
                .SetProperty(o => o.TotalMinor, e.TotalMinor)
                .SetProperty(o => o.Currency, currency)
                .SetProperty(o => o.ExpiresAt, expiresAt)
                .SetProperty(o => o.TraceParent, o => o.TraceParent ?? trace), cancellationToken);
        if (existing == 0)
        {
            // Saved with the inbox row; a concurrent insert of the same order makes this retry via the update.
            db.Orders.Add(new OrderReplica
            {
                OrderId = e.OrderId, UserId = e.UserId, Status = OrderStatuses.Created, TotalMinor = e.TotalMinor,
                Currency = currency, ExpiresAt = expiresAt, Version = e.Version, TraceParent = trace,
            });
            return;
        }

        await ReplicaStatus.ApplyAsync(db, e.OrderId, OrderStatuses.Created, e.Version, cancellationToken);
    }
}

internal sealed class ApplyOrderCompleted(PaymentsDbContext db) : IIntegrationEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted e, CancellationToken cancellationToken)
    {
        if (!await db.Orders.AnyAsync(o => o.OrderId == e.OrderId, cancellationToken))
        {
            db.Orders.Add(new OrderReplica
            {
                OrderId = e.OrderId, UserId = e.UserId, Status = OrderStatuses.Complete, TotalMinor = e.TotalMinor,
                Currency = e.Currency.ToUpperInvariant(), Version = e.Version,
            });
            return;
        }

        await ReplicaStatus.ApplyAsync(db, e.OrderId, OrderStatuses.Complete, e.Version, cancellationToken);
    }
}

internal static class ReplicaStatus
{
    /// <summary>
    /// Moves the replica to <paramref name="status"/> when the event is newer. A cancelled order
    /// stays cancelled whatever arrives later: Ordering never revives one.
    /// </summary>
    public static Task<int> ApplyAsync(PaymentsDbContext db, Guid orderId, string status, int version, CancellationToken cancellationToken) =>
        db.Orders
            .Where(o => o.OrderId == orderId && o.Version < version && o.Status != OrderStatuses.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.Version, version), cancellationToken);
}
