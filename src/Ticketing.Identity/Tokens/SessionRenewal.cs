using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Tokens;

/// <summary>
/// Sliding sessions: a cookie token past half its lifetime is replaced by a fresh one on the
/// next request that reaches the identity service (the web front end asks for the current
/// user on every page). Bearer tokens are never renewed; API clients ask for a new one.
/// </summary>
internal sealed class SessionRenewal(TokenIssuer issuer, SessionCookie cookie, AuthOptions auth, TimeProvider time) : ISessionRenewal
{
    public void RenewIfDue(HttpContext context, SecurityToken token)
    {
        if (token is not JsonWebToken jwt || jwt.Issuer != auth.Issuer)
        {
            return;
        }

        var remaining = jwt.ValidTo - time.GetUtcNow().UtcDateTime;
        if (remaining > auth.TokenLifetime / 2
            || !Guid.TryParse(jwt.Subject, out var userId)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email))
        {
            return;
        }

        cookie.Write(context, issuer.Issue(userId, email));
    }
}
