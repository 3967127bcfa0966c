using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignOut
{
    /// <summary>
    /// Clears the browser session. Tokens are stateless, so a copy of the token taken earlier
    /// stays valid until it expires; that is what the short lifetime bounds.
    /// </summary>
    public static NoContent Handle(HttpContext context, SessionCookie cookie)
    {
        cookie.Clear(context);
        return TypedResults.NoContent();
    }
}
