namespace Ticketing.Web.Api;

// Bodies the front end sends, one record per shape so no field the API does not expect goes along.

public sealed record CredentialsRequest(string Email, string Password);

public sealed record EventRequest(
    string Title, string Venue, string Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string Currency, int WaitingRoomMinutes);

/// <summary>Reserved seating: <c>SeatsPerRow</c> seats in each of <c>Rows</c>.</summary>
public sealed record SeatsRequest(string Tier, decimal? Price, string? Section, string[] Rows, int? SeatsPerRow);

public sealed record GeneralAdmissionRequest(string Tier, decimal? Price, int Quantity);

public sealed record TicketRequest(string Title, decimal? Price);

public sealed record TicketUpdateRequest(string Title, decimal? Price, int? Version);

public sealed record EmailRequest(string Email);

public sealed record CheckInRequest(string Code);

public sealed record SeatsOrderRequest(IReadOnlyList<Guid> TicketIds);

public sealed record TicketOrderRequest(Guid TicketId);

public sealed record TierOrderRequest(Guid EventId, string Tier, int? Quantity);

public sealed record PaymentRequest(Guid OrderId, string? PaymentMethod = null);
