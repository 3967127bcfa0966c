using System.Security.Claims;

namespace Ticketing.BuildingBlocks.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (the token's <c>sub</c>), or null when anonymous or not a user id.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(subject, out var id) ? id : null;
    }

    public static string? GetEmail(this ClaimsPrincipal principal) =>
        principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
}
