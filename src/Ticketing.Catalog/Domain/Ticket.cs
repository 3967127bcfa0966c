using Ticketing.Contracts;

namespace Ticketing.Catalog.Domain;

/// <summary>What a state change did, so message handlers can stay idempotent and log refusals.</summary>
internal enum TicketChange
{
    Changed,

    /// <summary>Already in the requested state (a replayed message): nothing to write or publish.</summary>
    Unchanged,

    /// <summary>The ticket is held by someone else or withdrawn; the caller decides how loudly to complain.</summary>
    Refused,
}

/// <summary>
/// One admission: a seat, a general-admission unit or a single resale ticket. Every change bumps
/// <see cref="Version"/>, which is both the optimistic concurrency token and the order replicas apply
/// events in.
/// </summary>
internal sealed class Ticket
{
    public const int TitleMaxLength = 200;
    public const int LabelMaxLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? EventId { get; private set; }

    public string? Tier { get; private set; }

    public string? Seat { get; private set; }

    public string Title { get; private set; } = "";

    public long PriceMinor { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>Who listed it (the organizer for event inventory); only they may edit it.</summary>
    public Guid OwnerId { get; private set; }

    public string Status { get; private set; } = TicketStatuses.Available;

    /// <summary>The order holding or having bought it.</summary>
    public Guid? OrderId { get; private set; }

    public Guid? BuyerId { get; private set; }

    public int Version { get; private set; } = 1;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Ticket CreateListing(Guid ownerId, string title, long priceMinor, string currency, DateTime now) => new()
    {
        OwnerId = ownerId,
        Title = title,
        PriceMinor = priceMinor,
        Currency = currency,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A unit of an event's inventory; it goes on sale only once the event is published.</summary>
    public static Ticket CreateAdmission(Event show, string tier, string? seat, long priceMinor, DateTime now) => new()
    {
        EventId = show.Id,
        Tier = tier,
        Seat = seat,
        OwnerId = show.OrganizerId,
        Title = show.Title,
        PriceMinor = priceMinor,
        Currency = show.Currency,
        Status = show.Status == EventStatuses.Published ? TicketStatuses.Available : TicketStatuses.Withdrawn,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Returns why the edit is refused, or null once applied.</summary>
    public string? Edit(string title, long priceMinor, DateTime now)
    {
        if (Status == TicketStatuses.Reserved)
        {
            return "The ticket is reserved.";
        }

        if (Status == TicketStatuses.Sold)
        {
            return "The ticket is sold.";
        }

        // Every accepted edit is a new version, even one that repeats the current values: the client
        // asked for a write and gets a fresh version to base its next edit on.
        Title = title;
        PriceMinor = priceMinor;
        Touch(now);
        return null;
    }

    public TicketChange Reserve(Guid orderId, DateTime now)
    {
        if (OrderId == orderId && Status is TicketStatuses.Reserved or TicketStatuses.Sold)
        {
            return TicketChange.Unchanged;
        }

        if (Status != TicketStatuses.Available)
        {
            return TicketChange.Refused;
        }

        Status = TicketStatuses.Reserved;
        OrderId = orderId;
        Touch(now);
        return TicketChange.Changed;
    }

    /// <summary>
    /// Frees a ticket the order held. A ticket of a cancelled event goes to withdrawn rather than
    /// back on sale, so a late cancellation cannot resurrect it. That includes a sold one: Ordering
    /// cancels a completed order only when its event is cancelled, and Payments refunds it.
    /// </summary>
    public TicketChange Release(Guid orderId, bool eventCancelled, DateTime now)
    {
        if (OrderId != orderId)
        {
            return TicketChange.Unchanged;
        }

        if (Status == TicketStatuses.Sold && !eventCancelled)
        {
            // Any other cancellation of a paid order would be a bug elsewhere: the sale stands.
            return TicketChange.Refused;
        }

        if (Status is not (TicketStatuses.Reserved or TicketStatuses.Sold))
        {
            return TicketChange.Unchanged;
        }

        Status = eventCancelled ? TicketStatuses.Withdrawn : TicketStatuses.Available;
        OrderId = null;
        Touch(now);
        return TicketChange.Changed;
    }

    /// <summary>
    /// Ordering has already arbitrated and taken the money, so a ticket that is merely available
    /// (its reservation message not seen yet) is sold too; one held by another order is refused.
    /// </summary>
    public TicketChange MarkSold(Guid orderId, Guid buyerId, DateTime now)
    {
        if (Status == TicketStatuses.Sold && OrderId == orderId)
        {
            return TicketChange.Unchanged;
        }

        var heldByThisOrder = Status == TicketStatuses.Reserved && OrderId == orderId;
        if (!heldByThisOrder && Status != TicketStatuses.Available)
        {
            return TicketChange.Refused;
        }

        Status = TicketStatuses.Sold;
        OrderId = orderId;
        BuyerId = buyerId;
        Touch(now);
        return TicketChange.Changed;
    }

    public TicketCreated ToCreated() =>
        new(Id, Version, Title, PriceMinor, Currency, OwnerId, EventId, Tier, Seat, Status, OrderId);

    public TicketUpdated ToUpdated() =>
        new(Id, Version, Title, PriceMinor, Currency, OwnerId, EventId, Tier, Seat, Status, OrderId);

    public TicketState ToState() =>
        new(Id, Version, Title, PriceMinor, Currency, OwnerId, EventId, Tier, Seat, Status, OrderId);

    private void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }
}
