namespace Ticketing.Web.Api;

// Copies of the API shapes this front end reads; it shares no code with the services on purpose.

public sealed record CurrentUserBody(UserDto? CurrentUser);

public sealed record UserDto(Guid Id, string Email);

public sealed record TierDto(string Tier, decimal Price, decimal MaxPrice, int Capacity, int Available);

/// <summary>An event; the waiting-room fields default so an API without them reads as "no waiting room".</summary>
public sealed record EventDto(
    Guid Id, Guid OrganizerId, string Title, string Description, string Venue, DateTime StartsAt, DateTime EndsAt,
    string Currency, string Status, int Version, IReadOnlyList<TierDto> Tiers,
    int WaitingRoomMinutes = 0, DateTime? WaitingRoomClosesAt = null)
{
    public bool IsDraft => Status == EventStatus.Draft;

    public bool IsPublished => Status == EventStatus.Published;

    public bool IsCancelled => Status == EventStatus.Cancelled;
}

/// <summary>A seat on sale; <c>Id</c> is the ticket an order names.</summary>
public sealed record FreeSeatDto(Guid Id, string Seat, decimal Price);

/// <summary>A tier's admissions on sale: <c>Seats</c> are the reserved seats among them, the rest general admission.</summary>
public sealed record TierAvailabilityDto(string Tier, int Capacity, int Available, IReadOnlyList<FreeSeatDto> Seats)
{
    public int GeneralAdmission => Math.Max(0, Available - Seats.Count);
}

public sealed record AvailabilityDto(Guid EventId, string Currency, IReadOnlyList<TierAvailabilityDto> Tiers);

/// <summary>The caller's place in an event's waiting room; its token goes with the order as <c>Queue-Token</c>.</summary>
public sealed record QueuePlaceDto(
    Guid EventId, int Position, int NumberInLine, bool Admitted, DateTime AdmitAt, int EstimatedWaitSeconds, DateTime ClosesAt, string Token);

public sealed record TicketDto(
    Guid Id, string Title, decimal Price, string Currency, Guid UserId, int Version, Guid? OrderId,
    Guid? EventId, string? Tier, string? Seat, string Status)
{
    public bool IsAvailable => Status == TicketStatus.Available;
}

public sealed record OrderTicketDto(Guid Id, string Title, string? Seat, string? Tier, long Price);

public sealed record OrderDto(
    Guid Id, string Status, Guid UserId, DateTime ExpiresAt, int Version, long Total, string Currency, IReadOnlyList<OrderTicketDto> Tickets)
{
    public bool IsOpen => Status == OrderStatus.Created;

    public bool IsComplete => Status == OrderStatus.Complete;

    public bool IsCancelled => Status == OrderStatus.Cancelled;

    /// <summary>Still open on paper, but its hold has run out by <paramref name="now"/> (the expiry message may not have landed yet).</summary>
    public bool HoldExpiredAt(DateTime now) => !IsComplete && ExpiresAt <= now;
}

public sealed record PaymentDto(Guid Id, Guid OrderId, string Status, long Amount, string Currency, string? ClientSecret, string Provider, string? FailureCode)
{
    public bool IsPending => Status == PaymentStatus.Pending;

    public bool IsFailed => Status == PaymentStatus.Failed;

    /// <summary>Failed before any card was charged (never started or abandoned), as opposed to declined.</summary>
    public bool NeverCharged => IsFailed && FailureCode is PaymentFailure.NotStarted or PaymentFailure.Abandoned;
}

public sealed record PaymentConfigDto(string Provider, string? PublishableKey)
{
    /// <summary>The Stripe publishable key when card details go to Stripe Elements, else null (sandbox form).</summary>
    public string? StripeKey => Provider == PaymentProvider.Stripe && PublishableKey is { Length: > 0 } key ? key : null;
}

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, DateTime CreatedAt, bool Read);

/// <summary>A pass as its holder sees it; <c>Code</c> is the QR text the gate scans.</summary>
public sealed record PassDto(
    Guid Id, Guid TicketId, Guid? EventId, Guid OrderId, string Title, string? Venue, DateTime? StartsAt, string? Tier, string? Seat,
    int Serial, string Status, DateTime? CheckedInAt, DateTime IssuedAt, string Code)
{
    public bool CheckedIn => Status == PassStatus.CheckedIn;

    public bool Transferable => Status == PassStatus.Active;
}

/// <summary>An admitted pass, as the gate shows it.</summary>
public sealed record CheckInDto(Guid TicketId, Guid PassId, Guid? EventId, string Title, string? Seat, string? Tier, string? Holder, DateTime CheckedInAt);

public sealed record StaffDto(Guid UserId, string? Email, DateTime AddedAt);

/// <summary>The organizer's sales report; amounts in minor units, <c>Timeline</c> cumulative sold per minute.</summary>
public sealed record SalesReportDto(Guid EventId, string Currency, long Revenue, IReadOnlyList<TierSalesDto> Tiers, IReadOnlyList<SalesPointDto> Timeline);

public sealed record TierSalesDto(string Tier, int Sold, int Held, int Available, int Capacity, long Revenue);

public sealed record SalesPointDto(DateTime At, int Sold);
