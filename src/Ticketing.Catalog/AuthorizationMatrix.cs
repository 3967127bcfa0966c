using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("POST", "/api/tickets", 401, 201, 201, 201, 201, 201),
        new("GET", "/api/tickets", 200, 200, 200, 200, 200, 200),
        new("GET", "/api/tickets/{id:guid}", 200, 200, 200, 200, 200, 200),
        new("PUT", "/api/tickets/{id:guid}", 401, 403, 403, 200, 403, 403),
        new("POST", "/api/events", 401, 201, 201, 201, 201, 201),
        new("GET", "/api/events", 200, 200, 200, 200, 200, 200),
        new("GET", "/api/events/{id:guid}", 200, 200, 200, 200, 200, 200),
        new("GET", "/api/events/{id:guid}/availability", 200, 200, 200, 200, 200, 200),
        new("PUT", "/api/events/{id:guid}", 401, 403, 403, 200, 403, 403),
        new("POST", "/api/events/{id:guid}/publish", 401, 403, 403, 200, 403, 403),
        new("POST", "/api/events/{id:guid}/cancel", 401, 403, 403, 200, 403, 403),
        new("POST", "/api/events/{id:guid}/tickets", 401, 403, 403, 201, 403, 403),
        new("POST", "/api/events/{id:guid}/staff", 401, 403, 403, 202, 403, 403),
        new("GET", "/api/events/{id:guid}/staff", 401, 403, 403, 200, 403, 403),
        new("DELETE", "/api/events/{id:guid}/staff/{userId:guid}", 401, 403, 403, 204, 403, 403),
        new("GET", "/api/events/{id:guid}/checkins/summary", 401, 403, 403, 200, 200, 403),
        new("GET", "/api/events/{id:guid}/sales", 401, 403, 403, 200, 403, 403),
        new("GET", "/api/passes/keys", 200, 200, 200, 200, 200, 200),
        new("GET", "/api/passes", 401, 200, 200, 200, 200, 200),
        new("GET", "/api/passes/{id:guid}", 401, 404, 200, 404, 404, 404),
        new("GET", "/api/passes/{id:guid}/qr.png", 401, 404, 200, 404, 404, 404),
        new("GET", "/api/passes/{id:guid}/qr.svg", 401, 404, 200, 404, 404, 404),
        new("POST", "/api/passes/{id:guid}/transfer", 401, 404, 202, 404, 404, 404),
        new("POST", "/api/checkins", 401, 403, 403, 200, 200, 403),
    ];
}
