using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Identity;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("GET", "/.well-known/openid-configuration", 200, 200, 200, 200, 200, 200),
        new("GET", "/.well-known/jwks.json", 200, 200, 200, 200, 200, 200),
        new("GET", "/api/users/currentuser", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/users/signout", 204, 204, 204, 204, 204, 204),
        new("POST", "/api/users/signup", 201, 201, 201, 201, 201, 201),
        new("POST", "/api/users/signin", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/users/token", 200, 200, 200, 200, 200, 200),
    ];
}
