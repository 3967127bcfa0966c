using System.Text.Json;

namespace Ticketing.Web.Api;

// Copies of the API shapes this front end reads; it shares no code with the services on purpose.

public sealed record CurrentUserBody(UserDto? CurrentUser);

public sealed record UserDto(Guid Id, string Email);

public sealed record TierDto(string Tier, decimal Price, decimal MaxPrice, int Capacity, int Available);

/// <summary>An event; the waiting-room fields default so an API without them reads as "no waiting room".</summary>
public sealed record EventDto(
    Guid Id, Guid OrganizerId, string Title, string Description, string Venue, DateTime StartsAt, DateTime EndsAt,
    string Currency, string Status, int Version, IReadOnlyList<TierDto> Tiers,
    int WaitingRoomMinutes = 0, DateTime? WaitingRoomClosesAt = null);

/// <summary>The caller's place in an event's waiting room; its token goes with the order as <c>Queue-Token</c>.</summary>
public sealed record QueuePlaceDto(
    Guid EventId, int Position, int NumberInLine, bool Admitted, DateTime AdmitAt, int EstimatedWaitSeconds, DateTime ClosesAt, string Token);

public sealed record TicketDto(
    Guid Id, string Title, decimal Price, string Currency, Guid UserId, int Version, Guid? OrderId,
    Guid? EventId, string? Tier, string? Seat, string Status);

public sealed record OrderTicketDto(Guid Id, string Title, string? Seat, string? Tier, long Price);

public sealed record OrderDto(
    Guid Id, string Status, Guid UserId, DateTime ExpiresAt, int Version, long Total, string Currency, IReadOnlyList<OrderTicketDto> Tickets)
{
    public bool IsOpen => Status == "created";
}

public sealed record PaymentDto(Guid Id, Guid OrderId, string Status, long Amount, string Currency, string? ClientSecret, string Provider, string? FailureCode);

public sealed record PaymentConfigDto(string Provider, string? PublishableKey);

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, DateTime CreatedAt, bool Read);

/// <summary>
/// A pass (issue 7), read loosely: its API is built elsewhere, so unknown or missing fields
/// degrade to blanks instead of breaking the page.
/// </summary>
public sealed record PassView(
    string Id, string Title, string? Seat, string? Tier, string? Status, string? Code, string? EventId, string? TicketId, string? OrderId)
{
    public static PassView From(JsonElement e) => new(
        Str(e, "id") ?? "", Str(e, "title") ?? Str(e, "eventTitle") ?? "Ticket", Str(e, "seat"), Str(e, "tier"),
        Str(e, "status") ?? (Str(e, "checkedInAt") is null ? null : "checked-in"), Str(e, "code"), Str(e, "eventId"),
        Str(e, "ticketId"), Str(e, "orderId"));

    public bool CheckedIn => Status is { } s && s.Contains("checked", StringComparison.OrdinalIgnoreCase);

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;
}
