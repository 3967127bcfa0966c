using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignOut
{
    public static RouteHandlerBuilder MapSignOut(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/signout", Handle).WithName("SignOut");

    /// <summary>
    /// Clears the browser session. Tokens are stateless, so a copy of the token taken earlier
    /// stays valid until it expires; that is what the short lifetime bounds.
    /// </summary>
    private static NoContent Handle(HttpContext context, SessionCookie cookie)
    {
        cookie.Clear(context);
        return TypedResults.NoContent();
    }
}
