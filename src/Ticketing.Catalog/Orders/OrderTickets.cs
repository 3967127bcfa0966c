using Microsoft.Extensions.Logging;
using Ticketing.Catalog.Domain;

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
}
