using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Orders;

/// <summary>Marks the paid order's tickets sold to its buyer.</summary>
internal sealed class OrderCompletedHandler(CatalogDbContext db, TimeProvider clock, ILogger<OrderCompletedHandler> logger)
    : IIntegrationEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = integrationEvent.TicketIds.Distinct().ToList();
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            switch (ticket.MarkSold(integrationEvent.OrderId, integrationEvent.UserId, now))
            {
                case TicketChange.Changed:
                    db.Publish(ticket.ToUpdated());
                    break;
                case TicketChange.Refused:
                    // A paid order whose ticket Catalog gave to someone else: needs a human (and a refund).
                    logger.LogError("Order {OrderId} was paid but ticket {TicketId} is {Status} for order {HeldBy}; not sold twice",
                        integrationEvent.OrderId, ticket.Id, ticket.Status, ticket.OrderId);
                    break;
            }
        }

        OrderTickets.WarnAboutUnknown(logger, integrationEvent.OrderId, ids, tickets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
