using Microsoft.Extensions.Logging;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Events;

namespace Ticketing.Catalog.Orders;

internal static class OrderTickets
{
    /// <summary>An order naming a ticket Catalog never had points at a bug elsewhere; retrying would not help.</summary>
    public static void WarnAboutUnknown(ILogger logger, Guid orderId, IReadOnlyCollection<Guid> requested, IReadOnlyCollection<Ticket> found)
    {
        if (found.Count == requested.Count)
        {
            return;
        }

        var missing = requested.Except(found.Select(t => t.Id));
        logger.LogWarning("Order {OrderId} names unknown ticket(s) {TicketIds}", orderId, string.Join(", ", missing));
    }

    /// <summary>
    /// Announces the tickets an order event changed with one TicketsChanged, not one TicketUpdated
    /// each: Ordering applies it with one statement, and a purchase of several tickets brings one
    /// event per step instead of one per ticket per step.
    /// </summary>
    public static void PublishChanges(this CatalogDbContext db, IReadOnlyCollection<Ticket> changed)
    {
        foreach (var block in InventoryEvents.Blocks(changed))
        {
            db.Publish(block);
        }
    }
}
