namespace Ticketing.Contracts;

/// <summary>A ticket of an order; the descriptive fields let consumers (e-mails) show it without asking Catalog.</summary>
public sealed record OrderedTicket(Guid TicketId, long PriceMinor, string? Title = null, string? Seat = null, string? Tier = null);

public sealed record OrderCreated(
    Guid OrderId,
    int Version,
    Guid UserId,
    DateTimeOffset ExpiresAt,
    long TotalMinor,
    string Currency,
    IReadOnlyList<OrderedTicket> Tickets) : IntegrationEvent;

/// <summary>Why an order was cancelled.</summary>
public static class CancellationReasons
{
    public const string Buyer = "buyer";
    public const string Expired = "expired";

    /// <summary>
    /// The organizer cancelled the order's event. Unlike the others this also ends a complete
    /// (paid) order: Payments refunds it and Catalog withdraws its tickets.
    /// </summary>
    public const string EventCancelled = "event-cancelled";
}

public sealed record OrderCancelled(
    Guid OrderId,
    int Version,
    Guid UserId,
    IReadOnlyList<Guid> TicketIds,
    string Reason) : IntegrationEvent;

public sealed record OrderCompleted(
    Guid OrderId,
    int Version,
    Guid UserId,
    long TotalMinor,
    string Currency,
    IReadOnlyList<Guid> TicketIds) : IntegrationEvent;

/// <summary>
/// The buyer started paying close to the hold's end, so Ordering extended the hold (once) to cover
/// the payment's settlement; Expiration moves the order's timer to <paramref name="ExpiresAt"/>.
/// </summary>
public sealed record OrderHoldExtended(Guid OrderId, int Version, Guid UserId, DateTimeOffset ExpiresAt) : IntegrationEvent;

/// <summary>
/// Published by Expiration when an order's hold has run out. <paramref name="DueAt"/> is the
/// deadline the timer was set for, so Ordering can tell a timer of a hold since extended (null
/// from servers before the extension existed: the order is treated as due).
/// </summary>
public sealed record ExpirationComplete(Guid OrderId, DateTimeOffset? DueAt = null) : IntegrationEvent;
