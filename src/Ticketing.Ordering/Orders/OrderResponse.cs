using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Orders;

/// <summary>An order as the API shows it; amounts are in minor units of <c>currency</c>.</summary>
internal sealed record OrderResponse(
    Guid Id,
    string Status,
    Guid UserId,
    DateTime ExpiresAt,
    int Version,
    long Total,
    string Currency,
    IReadOnlyList<OrderTicketResponse> Tickets)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.Status,
        order.UserId,
        order.ExpiresAt,
        order.Version,
        order.TotalMinor,
        order.Currency,
        order.Tickets.Select(t => new OrderTicketResponse(t.TicketId, t.Title, t.Seat, t.Tier, t.PriceMinor)).ToList());
}

internal sealed record OrderTicketResponse(Guid Id, string Title, string? Seat, string? Tier, long Price);
