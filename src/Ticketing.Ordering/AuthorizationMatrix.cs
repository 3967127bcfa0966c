using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Ordering;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("POST", "/api/orders", 401, 201, 201, 201, 201, 201),
        new("GET", "/api/orders", 401, 200, 200, 200, 200, 200),
        new("GET", "/api/orders/{id:guid}", 401, 404, 200, 404, 404, 404),
        new("DELETE", "/api/orders/{id:guid}", 401, 404, 204, 404, 404, 404),
        new("POST", "/api/orders/{id:guid}/checkout", 401, 404, 200, 404, 404, 404),
        // The matrix's event has no waiting room: every signed-in caller is told to order directly.
        new("POST", "/api/waiting-rooms/{eventId:guid}", 401, 404, 404, 404, 404, 404),
        new("GET", "/api/waiting-rooms/{eventId:guid}", 401, 404, 404, 404, 404, 404),
    ];
}
