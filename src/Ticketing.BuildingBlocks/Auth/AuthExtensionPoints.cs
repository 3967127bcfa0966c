using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Ticketing.BuildingBlocks.Auth;

/// <summary>
/// Keys of the built-in issuer when it runs in this process: validation then reads them
/// directly instead of fetching its own discovery document over HTTP.
/// </summary>
public interface ITokenValidationKeys
{
    IReadOnlyList<SecurityKey> GetValidationKeys();
}

/// <summary>Renews a session cookie that is past half its lifetime; only the issuer's process can.</summary>
public interface ISessionRenewal
{
    void RenewIfDue(HttpContext context, SecurityToken token);
}

/// <summary>
/// Makes a user of an external issuer known to the platform the first time one of their tokens is
/// seen (the built-in sign-up does that for built-in accounts). Registered by the identity module
/// when it runs in the process and <c>Auth:Authority</c> is set.
/// </summary>
public interface IExternalUserRegistration
{
    Task RecordAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken);
}
