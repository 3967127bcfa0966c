using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// CSRF protection for everything a browser authenticates with the session cookie: an unsafe
/// request (POST, PUT, PATCH, DELETE) that a browser marks as coming from another site is refused
/// with 403 problem details. Browsers say so with <c>Sec-Fetch-Site</c> (every current one) or,
/// failing that, an <c>Origin</c> whose host differs from <c>Host</c>. Requests that carry an
/// <c>Authorization</c> header are exempt: another site cannot make a browser attach one, so a
/// bearer token already proves intent. Requests with neither header come from non-browser
/// clients (or browsers too old for SameSite), which a cross-site page cannot drive.
/// This is the same rule as Go's <c>http.CrossOriginProtection</c>, on top of the SameSite=Lax
/// cookie and the antiforgery tokens of the web front end's forms.
/// </summary>
public static class CrossSiteRequestProtection
{
    public static WebApplication UseCrossSiteRequestProtection(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCrossSiteBrowserRequest(context.Request))
            {
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                    "State-changing requests from another site need an Authorization header, not the session cookie.");
                return;
            }

            await next(context);
        });
        return app;
    }

    public static bool IsCrossSiteBrowserRequest(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        if (request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // "none" is the user typing the address or using a bookmark.
            return fetchSite is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
