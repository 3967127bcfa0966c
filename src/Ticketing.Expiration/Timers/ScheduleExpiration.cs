using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Expiration.Timers;

/// <summary>Starts the timer of a new order. The inbox skips redeliveries; the existence check covers a re-sent event with a new id.</summary>
internal sealed class ScheduleExpiration(ExpirationDbContext db) : IIntegrationEventHandler<OrderCreated>
{
    public async Task HandleAsync(OrderCreated e, CancellationToken cancellationToken)
    {
        if (!await db.Timers.AnyAsync(t => t.OrderId == e.OrderId, cancellationToken))
        {
            db.Timers.Add(new ExpirationTimer { OrderId = e.OrderId, DueAt = e.ExpiresAt.UtcDateTime });
        }
    }
}
