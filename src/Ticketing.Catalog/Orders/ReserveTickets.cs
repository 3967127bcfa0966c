using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Orders;

/// <summary>
/// Marks the order's tickets reserved. Ordering has already arbitrated who gets each ticket, so a
/// ticket that is not available here means the two services disagree: it is logged, not fought over.
/// </summary>
internal sealed class ReserveTickets(CatalogDbContext db, TimeProvider clock, ILogger<ReserveTickets> logger)
    : IIntegrationEventHandler<OrderCreated>
{
    public async Task HandleAsync(OrderCreated integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = integrationEvent.Tickets.Select(t => t.TicketId).Distinct().ToList();
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var changed = new List<Ticket>();
        foreach (var ticket in tickets)
        {
            switch (ticket.Reserve(integrationEvent.OrderId, now))
            {
                case TicketChange.Changed:
                    changed.Add(ticket);
                    break;
                case TicketChange.Refused:
                    logger.LogWarning("Order {OrderId} holds ticket {TicketId}, which Catalog has as {Status} (order {HeldBy}); left unchanged",
                        integrationEvent.OrderId, ticket.Id, ticket.Status, ticket.OrderId);
                    break;
            }
        }

        db.PublishChanges(changed);

        OrderTickets.WarnAboutUnknown(logger, integrationEvent.OrderId, ids, tickets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
