using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.Web.Api;

namespace Ticketing.Web.Pages;

internal static class Account
{
    /// <summary>
    /// Signs up or in through the identity API and hands its session cookie to the browser with
    /// the same flags, so the browser holds exactly what the API issued.
    /// </summary>
    public static async Task<ApiProblem?> SubmitAsync(ApiClient api, HttpContext context, string action, string email, string password)
    {
        using var response = await api.SendRawAsync(HttpMethod.Post, $"/api/users/{action}", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            return (await ApiResult<object>.ReadAsync(response, context.RequestAborted)).Problem;
        }

        var copied = false;
        if (response.Headers.TryGetValues(HeaderNames.SetCookie, out var cookies))
        {
            foreach (var cookie in cookies.Where(c => c.StartsWith(AuthSetup.SessionCookie + "=", StringComparison.Ordinal)))
            {
                context.Response.Headers.Append(HeaderNames.SetCookie, cookie);
                copied = true;
            }
        }

        return copied ? null : ApiProblem.Of("Signed in, but the identity service sent no session cookie.");
    }
}
