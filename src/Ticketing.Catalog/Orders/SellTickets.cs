using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Orders;

/// <summary>
/// Marks the paid order's tickets sold to its buyer and issues a pass for each, all in the
/// dispatcher's transaction, then announces the passes once (PassesIssued is what the buyer's
/// confirmation e-mail is sent from). A replay finds the tickets already sold and issues nothing.
/// </summary>
internal sealed class SellTickets(CatalogDbContext db, PassSigner signer, TimeProvider clock, ILogger<SellTickets> logger)
    : IIntegrationEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = integrationEvent.TicketIds.Distinct().ToList();
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var eventIds = tickets.Where(t => t.EventId != null).Select(t => t.EventId!.Value).Distinct().ToList();
        var cancelledEvents = await db.Events
            .Where(e => eventIds.Contains(e.Id) && e.Status == EventStatuses.Cancelled)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var issued = new List<IssuedPass>();
        var changed = new List<Ticket>();
        foreach (var ticket in tickets)
        {
            switch (ticket.MarkSold(integrationEvent.OrderId, integrationEvent.UserId, now))
            {
                case TicketChange.Changed:
                    changed.Add(ticket);
                    var pass = Pass.Issue(ticket, integrationEvent.OrderId, integrationEvent.UserId, signer, now);
                    db.Passes.Add(pass);
                    if (ticket.EventId is { } eventId && cancelledEvents.Contains(eventId))
                    {
                        // Sold while its event was being cancelled: the pass exists (the sale did) but never admits.
                        pass.Revoke(now);
                        break;
                    }

                    issued.Add(new IssuedPass(pass.Id, ticket.Id, ticket.EventId, ticket.Title, ticket.Seat, ticket.Tier, pass.Code));
                    break;
                case TicketChange.Refused:
                    // A paid order whose ticket Catalog gave to someone else: needs a human (and a refund).
                    logger.LogError("Order {OrderId} was paid but ticket {TicketId} is {Status} for order {HeldBy}; not sold twice",
                        integrationEvent.OrderId, ticket.Id, ticket.Status, ticket.OrderId);
                    break;
            }
        }

        db.PublishChanges(changed);

        if (issued.Count > 0)
        {
            db.Publish(new PassesIssued(integrationEvent.OrderId, integrationEvent.UserId, issued));
        }

        OrderTickets.WarnAboutUnknown(logger, integrationEvent.OrderId, ids, tickets);
        await db.SaveChangesAsync(cancellationToken);
    }
}
