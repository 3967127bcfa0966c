using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Web.Api;

/// <summary>
/// Calls the services' HTTP APIs on behalf of the browser's user, forwarding the session
/// cookie's token as a bearer token. Every answer is returned, never thrown, so pages can show
/// problem details next to the fields they concern.
/// </summary>
public sealed class ApiClient(HttpClient http, IHttpContextAccessor accessor, ApiBaseAddress baseAddress, FrontEndClientAddress clientAddress)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The session token of the current request, if any. A cookie that cannot be a token (the
    /// cookie parser decodes <c>%0a</c>, <c>%00</c> and the like) is no session: sent on, it would make
    /// the Authorization header throw and every page a 500.
    /// </summary>
    public string? Token => accessor.HttpContext?.Request.Cookies[AuthSetup.SessionCookie] is { Length: > 0 } t && IsTokenText(t) ? t : null;

    // Tokens are JWTs (base64url and dots); visible ASCII is all a header value may carry anyway.
    private static bool IsTokenText(string value) => value.All(c => c is > ' ' and < '\x7f');

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken, headers);
        return await ApiResult<T>.ReadAsync(response, cancellationToken);
    }

    /// <summary>The raw response (caller disposes), for headers such as Set-Cookie or non-JSON bodies.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress.Get(), path.TrimStart('/')));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // Per-client limits (sign-in) must count the browser, not this front end's own address.
        clientAddress.Stamp(request, accessor.HttpContext);
        if (Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // A service that is down is a page message, not an error page.
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway)
            {
                Content = JsonContent.Create(new { title = "Service unavailable", detail = $"The service could not be reached ({e.Message})." }),
            };
        }
    }
}
