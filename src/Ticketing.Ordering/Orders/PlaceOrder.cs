using Ticketing.Contracts;
using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Orders;

/// <summary>What a buyer asked to hold: listed tickets, or any <see cref="Quantity"/> free units of a tier.</summary>
internal sealed record HoldRequest(Guid OrderId, Guid UserId, Guid[]? TicketIds, Guid? EventId, string? Tier, int Quantity, Admitted Admitted);

/// <summary>Why an order was not placed; the hold it tried is to be rolled back.</summary>
internal enum HoldRefusal
{
    None,
    Shortfall,
    OwnResaleTicket,
    MixedCurrencies,
}

/// <summary>The placed order, or why there is none.</summary>
internal readonly record struct Placement(Order? Order, HoldRefusal Refusal)
{
    public static Placement Refused(HoldRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Holds the tickets and writes the order with its <see cref="OrderCreated"/>, inside a transaction
/// the caller owns (its own, or a savepoint of <see cref="HoldBatcher"/>'s shared one). On a
/// refusal the caller rolls back what was written: the hold is all or nothing.
/// </summary>
internal static class PlaceOrder
{
    public static async Task<Placement> TryAsync(
        OrderingDbContext db, HoldRequest request, TimeSpan holdDuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var held = request.TicketIds is { } ticketIds
            ? await Reservations.HoldTicketsAsync(db, request.OrderId, ticketIds, request.Admitted, cancellationToken)
            : await Reservations.HoldUnitsAsync(db, request.OrderId, request.EventId!.Value, request.Tier!, request.Quantity, request.Admitted, cancellationToken);
        if (held.Any(t => t.EventId is null && t.OwnerId == request.UserId))
        {
            // Checked on the held rows (the hold returns them anyway): no extra read on a sale's path.
            return Placement.Refused(HoldRefusal.OwnResaleTicket);
        }

        if (held.Count != request.Quantity)
        {
            return Placement.Refused(HoldRefusal.Shortfall);
        }

        if (Order.SharedCurrency(held.Select(t => t.Currency)) is null)
        {
            return Placement.Refused(HoldRefusal.MixedCurrencies);
        }

        var lines = held
            .OrderBy(t => request.TicketIds is null ? 0 : Array.IndexOf(request.TicketIds, t.TicketId))
            .ThenBy(t => t.Seat, StringComparer.Ordinal)
            .Select(t => new OrderTicket { TicketId = t.TicketId, Title = t.Title, Seat = t.Seat, Tier = t.Tier, PriceMinor = t.PriceMinor, Currency = t.Currency })
            .ToList();
        var order = Order.Create(request.OrderId, request.UserId, lines, time.GetUtcNow().UtcDateTime, holdDuration);
        db.Orders.Add(order);
        db.Publish(new OrderCreated(
            order.Id, order.Version, order.UserId, new DateTimeOffset(order.ExpiresAt, TimeSpan.Zero), order.TotalMinor, order.Currency,
            order.Tickets.Select(t => new OrderedTicket(t.TicketId, t.PriceMinor)).ToList()));
        await db.SaveChangesAsync(cancellationToken);
        // After the save: a save that failed and was rolled back to its savepoint must not count.
        OrderMetrics.Created(db, order);
        return new Placement(order, HoldRefusal.None);
    }
}
