using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Tokens;

/// <summary>The browser session: the access token in an HttpOnly, SameSite=Lax cookie.</summary>
internal sealed class SessionCookie(AuthOptions auth, IHostEnvironment environment)
{
    private bool Secure => auth.SecureCookie ?? !environment.IsDevelopment();

    public void Write(HttpContext context, IssuedToken token) =>
        context.Response.Cookies.Append(AuthSetup.SessionCookie, token.Value, Options(token.ExpiresAt));

    public void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(AuthSetup.SessionCookie, Options(expires: null));

    private CookieOptions Options(DateTime? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = Secure,
        Path = "/",
        IsEssential = true,
        Expires = expires is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
    };
}
