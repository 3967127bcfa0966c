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
