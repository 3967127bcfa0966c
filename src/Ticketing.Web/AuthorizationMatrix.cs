using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Web;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("GET", "/assets/{*path}", 200, 200, 200, 200, 200, 200),
        new("POST", "/signout", 302, 302, 302, 302, 302, 302),
        new("GET", "/events/{id:guid}/availability", 200, 200, 200, 200, 200, 200),
        new("GET", "/orders/{id:guid}/state", 401, 404, 200, 404, 404, 404),
        new("POST", "/orders/{id:guid}/stripe-intent", 401, 400, 400, 400, 400, 400),
        new("GET", "/passes/{id}/qr.svg", 401, 404, 200, 404, 404, 404),
        new("GET", "/_framework/opaque-redirect", 400, 400, 400, 400, 400, 400),
        new("GET", "/gate", 302, 200, 200, 200, 200, 200),
        new("POST", "/gate", 400, 400, 400, 400, 400, 400),
        new("GET", "/", 200, 200, 200, 200, 200, 200),
        new("POST", "/", 400, 400, 400, 400, 400, 400),
        new("GET", "/passes", 302, 200, 200, 200, 200, 200),
        new("POST", "/passes", 400, 400, 400, 400, 400, 400),
        new("GET", "/notifications", 302, 200, 200, 200, 200, 200),
        new("POST", "/notifications", 400, 400, 400, 400, 400, 400),
        new("GET", "/signin", 200, 200, 200, 200, 200, 200),
        new("POST", "/signin", 400, 400, 400, 400, 400, 400),
        new("GET", "/signup", 200, 200, 200, 200, 200, 200),
        new("POST", "/signup", 400, 400, 400, 400, 400, 400),
        new("GET", "/orders", 302, 200, 200, 200, 200, 200),
        new("POST", "/orders", 400, 400, 400, 400, 400, 400),
        new("GET", "/orders/{Id:guid}", 302, 404, 200, 404, 404, 404),
        new("POST", "/orders/{Id:guid}", 400, 400, 400, 400, 400, 400),
        new("GET", "/events/{Id:guid}", 200, 200, 200, 200, 200, 200),
        new("POST", "/events/{Id:guid}", 400, 400, 400, 400, 400, 400),
        new("GET", "/tickets", 200, 200, 200, 200, 200, 200),
        new("POST", "/tickets", 400, 400, 400, 400, 400, 400),
        new("GET", "/tickets/{Id:guid}", 200, 200, 200, 200, 200, 200),
        new("POST", "/tickets/{Id:guid}", 400, 400, 400, 400, 400, 400),
        new("GET", "/organizer/events/{Id:guid}", 302, 404, 404, 200, 404, 404),
        new("POST", "/organizer/events/{Id:guid}", 400, 400, 400, 400, 400, 400),
        new("GET", "/organizer", 302, 200, 200, 200, 200, 200),
        new("POST", "/organizer", 400, 400, 400, 400, 400, 400),
    ];
}
