using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Expiration.Timers;

/// <summary>
/// Moves an order's timer to its extended hold. A timer that already fired for the earlier
/// deadline is armed again: Ordering ignored that firing (its DueAt is before the extended hold),
/// so the order still needs one at the new deadline. A duplicate finds the timer already at that
/// deadline and changes nothing; an extension that overtakes its OrderCreated creates the timer.
/// </summary>
internal sealed class ExtendTimer(ExpirationDbContext db) : IIntegrationEventHandler<OrderHoldExtended>
{
    public async Task HandleAsync(OrderHoldExtended e, CancellationToken cancellationToken)
    {
        var dueAt = e.ExpiresAt.UtcDateTime;
        var moved = await db.Timers
            .Where(t => t.OrderId == e.OrderId && t.DueAt < dueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, dueAt).SetProperty(t => t.FiredAt, (DateTime?)null), cancellationToken);
        if (moved == 0 && !await db.Timers.AnyAsync(t => t.OrderId == e.OrderId, cancellationToken))
        {
            db.Timers.Add(new ExpirationTimer { OrderId = e.OrderId, DueAt = dueAt });
        }
    }
}
