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
        foreach (var ticket in tickets)
        {
            if (ticket.Reserve(integrationEvent.OrderId, now) == TicketChange.Refused)
            {
                logger.LogWarning("Order {OrderId} holds ticket {TicketId}, which Catalog has as {Status} (order {HeldBy}); left unchanged",
                    integrationEvent.OrderId, ticket.Id, ticket.Status, ticket.OrderId);
            }
        }

        // Not announced: holds are Ordering's own decision, so Catalog's "reserved" tells Ordering
        // nothing it acts on, and announcing it cost each purchase an event and a write on Ordering's
        // database in the middle of the sale. The next announced state carries a higher version.
        OrderTickets.WarnAboutUnknown(logger, integrationEvent.OrderId, ids, tickets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
