using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Orders;

/// <summary>Frees the tickets the cancelled order held; those of a cancelled event are withdrawn instead of going back on sale.</summary>
internal sealed class ReleaseTickets(CatalogDbContext db, TimeProvider clock, ILogger<ReleaseTickets> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = integrationEvent.TicketIds.Distinct().ToList();
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var eventIds = tickets.Where(t => t.EventId != null).Select(t => t.EventId!.Value).Distinct().ToList();
        var cancelledEvents = await db.Events
            .Where(e => eventIds.Contains(e.Id) && e.Status == EventStatuses.Cancelled)
            .Select(e => e.Id).ToListAsync(cancellationToken);

        var changed = new List<Ticket>();
        foreach (var ticket in tickets)
        {
            var eventCancelled = ticket.EventId is { } eventId && cancelledEvents.Contains(eventId);
            switch (ticket.Release(integrationEvent.OrderId, eventCancelled, now))
            {
                case TicketChange.Changed:
                    changed.Add(ticket);
                    break;
                case TicketChange.Refused:
                    logger.LogWarning("Order {OrderId} was cancelled but ticket {TicketId} is already sold to it; left sold",
                        integrationEvent.OrderId, ticket.Id);
                    break;
            }
        }

        // Only a withdrawal is announced: a ticket back on sale is what Ordering's replica has
        // held all along, since the reservation was not announced either (see ReserveTickets).
        db.PublishChanges(changed.Where(t => t.Status != TicketStatuses.Available).ToList());

        OrderTickets.WarnAboutUnknown(logger, integrationEvent.OrderId, ids, tickets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
