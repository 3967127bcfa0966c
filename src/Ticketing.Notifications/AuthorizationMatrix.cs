using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Notifications;

/// <summary>
/// Who may call each endpoint of this module; one row per method and route, checked against the
/// running platform by the security tests (columns: see <see cref="EndpointAccess"/>).
/// </summary>
internal static class AuthorizationMatrix
{
    // Columns: anonymous, other user, owner (the buyer), organizer, staff of this event, staff of another event.
    public static IReadOnlyList<EndpointAccess> Rows { get; } =
    [
        new("GET", "/api/notifications", 401, 200, 200, 200, 200, 200),
        new("POST", "/api/notifications/{id:guid}/read", 401, 404, 204, 404, 404, 404),
    ];
}
