using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Payments;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("POST", "/api/payments", 401, 404, 201, 404, 404, 404),
        new("GET", "/api/payments", 401, 200, 200, 200, 200, 200),
        new("GET", "/api/payments/{id:guid}", 401, 404, 200, 404, 404, 404),
        new("GET", "/api/payments/config", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/payments/webhooks/stripe", 404, 404, 404, 404, 404, 404),
    ];
}
