using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Expiration.Timers;

/// <summary>
/// A completed order's hold is over: its timer is stamped as done without firing, so no
/// ExpirationComplete goes out for Ordering to ignore. That was one event and one transaction on
/// Ordering's database per sale, at the hold's end, when the next wave of buyers is arriving.
/// A repeat finds no pending timer; an OrderCompleted that overtakes its OrderCreated leaves the
/// timer to fire, which Ordering ignores for a completed order as before.
/// </summary>
internal sealed class StopTimer(ExpirationDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted e, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Timers
            .Where(t => t.OrderId == e.OrderId && t.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), cancellationToken);
    }
}
