using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Web.Api;

/// <summary>The identity service: accounts and the session cookie.</summary>
public sealed class IdentityApi(ApiClient api)
{
    /// <summary>The signed-in user, or null without a session (no call is made then).</summary>
    public async Task<UserDto?> CurrentUserAsync()
    {
        if (api.Token is null)
        {
            return null;
        }

        var result = await api.GetAsync<CurrentUserBody>("/api/users/currentuser");
        return result.Value?.CurrentUser;
    }

    public Task<ApiProblem?> SignUpAsync(HttpContext context, string email, string password) =>
        SubmitAsync(context, "/api/users/signup", email, password);

    public Task<ApiProblem?> SignInAsync(HttpContext context, string email, string password) =>
        SubmitAsync(context, "/api/users/signin", email, password);

    public async Task SignOutAsync()
    {
        using var _ = await api.SendRawAsync(HttpMethod.Post, "/api/users/signout", null);
    }

    /// <summary>
    /// Signs up or in and hands the API's session cookie to the browser with the same flags, so the
    /// browser holds exactly what the API issued.
    /// </summary>
    private async Task<ApiProblem?> SubmitAsync(HttpContext context, string path, string email, string password)
    {
        using var response = await api.SendRawAsync(HttpMethod.Post, path, new CredentialsRequest(email, password));
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
