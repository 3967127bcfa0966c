namespace Ticketing.Ordering.Tickets;

/// <summary>
/// Ordering's copy of one Catalog ticket, kept from TicketCreated/TicketUpdated, plus the
/// hold that Ordering alone owns. Catalog's fields are replaced only by a newer version;
/// <see cref="HeldByOrderId"/> is never touched by Catalog's events.
/// </summary>
public sealed class TicketReplica
{
    public Guid TicketId { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    public long PriceMinor { get; set; }

    public required string Currency { get; set; }

    public Guid? EventId { get; set; }

    public string? Tier { get; set; }

    public string? Seat { get; set; }

    /// <summary>Catalog's owner: the seller of a resale listing. Null for rows replicated before it was kept, until their next event.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>Catalog's status: informational except <c>sold</c>/<c>withdrawn</c>, which block new holds.</summary>
    public required string Status { get; set; }

    /// <summary>The live or completed order holding this ticket; null when free to reserve.</summary>
    public Guid? HeldByOrderId { get; set; }
}

/// <summary>An event Catalog cancelled: none of its tickets can be reserved any more, whatever arrives later.</summary>
public sealed class CancelledEvent
{
    public Guid EventId { get; set; }

    public DateTime CancelledAt { get; set; }
}
