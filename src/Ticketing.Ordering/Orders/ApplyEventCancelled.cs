using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Ordering.Tickets;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Records a cancelled event, so that none of its tickets can be reserved (including ones
/// replicated later), and cancels every order holding one of its tickets, open or paid, in the
/// same transaction. Each cancellation publishes OrderCancelled (reason event-cancelled): Payments
/// refunds what was paid, Catalog withdraws the tickets, Notifications tells the buyer.
/// A redelivery finds the orders already cancelled and publishes nothing.
/// </summary>
internal sealed class ApplyEventCancelled(OrderingDbContext db, TimeProvider time, ILogger<ApplyEventCancelled> logger) : IIntegrationEventHandler<EventCancelled>
{
    public async Task HandleAsync(EventCancelled e, CancellationToken cancellationToken)
    {
        if (!await db.CancelledEvents.AnyAsync(c => c.EventId == e.EventId, cancellationToken))
        {
            db.CancelledEvents.Add(new CancelledEvent { EventId = e.EventId, CancelledAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        var cancelled = 0;
        foreach (var orderId in await HoldersAsync(e.EventId, cancellationToken))
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is not null && await OrderCancellation.CancelAsync(db, order, CancellationReasons.EventCancelled, cancellationToken))
            {
                cancelled++;
            }
        }

        logger.LogInformation("Event {EventId} was cancelled; cancelled {Count} of its orders", e.EventId, cancelled);
    }

    /// <summary>The orders (live or complete) holding a ticket of the event.</summary>
    private async Task<List<Guid>> HoldersAsync(Guid eventId, CancellationToken cancellationToken)
    {
        if (db.IsPostgreSql)
        {
            // An order being created right now keeps its held rows locked until it commits: waiting
            // for them here means it is found below. A hold tried after this lock skips these rows
            // (SKIP LOCKED) and fails, so no order of the event is left open either way.
            // SQLite needs none of this: its writers are serialised.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT ticket_id FROM tickets WHERE event_id = {eventId} FOR UPDATE", cancellationToken);
        }

        return await db.Tickets
            .Where(t => t.EventId == eventId && t.HeldByOrderId != null)
            .Select(t => t.HeldByOrderId!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
