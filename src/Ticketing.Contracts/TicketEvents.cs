namespace Ticketing.Contracts;

/// <summary>Ticket states as Catalog publishes them.</summary>
public static class TicketStatuses
{
    public const string Available = "available";
    public const string Reserved = "reserved";
    public const string Sold = "sold";
    /// <summary>Withdrawn from sale, e.g. because its event was cancelled.</summary>
    public const string Withdrawn = "withdrawn";
}

/// <summary>
/// Full state of one ticket (a seat, a general-admission unit or a resale ticket).
/// Both events carry the whole state so that a replica can apply the newest version
/// it has seen and ignore older ones, whatever order they arrive in.
/// </summary>
public sealed record TicketCreated(
    Guid TicketId,
    int Version,
    string Title,
    long PriceMinor,
    string Currency,
    Guid OwnerId,
    Guid? EventId,
    string? Tier,
    string? Seat,
    string Status,
    Guid? OrderId) : IntegrationEvent;

public sealed record TicketUpdated(
    Guid TicketId,
    int Version,
    string Title,
    long PriceMinor,
    string Currency,
    Guid OwnerId,
    Guid? EventId,
    string? Tier,
    string? Seat,
    string Status,
    Guid? OrderId) : IntegrationEvent;

/// <summary>
/// Full state of many tickets at once: a block an organizer generated, or an event's inventory put
/// on or off sale. A replica applies each item as it would a <see cref="TicketUpdated"/> (newest
/// version wins), so the two kinds may interleave in any order. One event per up to
/// <see cref="MaxTickets"/> tickets: a 100,000-unit tier is 100 events instead of 100,000.
/// </summary>
public sealed record TicketsChanged(IReadOnlyList<TicketState> Tickets) : IntegrationEvent
{
    public const int MaxTickets = 1_000;
}

/// <summary>One ticket's full state inside <see cref="TicketsChanged"/> (the fields of <see cref="TicketUpdated"/>).</summary>
public sealed record TicketState(
    Guid TicketId,
    int Version,
    string Title,
    long PriceMinor,
    string Currency,
    Guid OwnerId,
    Guid? EventId,
    string? Tier,
    string? Seat,
    string Status,
    Guid? OrderId);

/// <summary>
/// Published once when an organizer cancels an event; its tickets can no longer be ordered, and
/// Ordering cancels every open or paid order of it (OrderCancelled, reason event-cancelled).
/// </summary>
public sealed record EventCancelled(Guid EventId, int Version, Guid OrganizerId) : IntegrationEvent;

/// <summary>
/// Published once when an organizer publishes an event: its sale starts now. With
/// <paramref name="WaitingRoomMinutes"/> above zero, Ordering admits buyers of its tickets through a
/// waiting room (a place in line per account, admitted at a set rate) from
/// <paramref name="PublishedAt"/> for that many minutes.
/// </summary>
public sealed record EventPublished(Guid EventId, int Version, Guid OrganizerId, DateTimeOffset PublishedAt, int WaitingRoomMinutes) : IntegrationEvent;
