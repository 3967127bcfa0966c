using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.Bench;

internal sealed record Buyer(int Index, string Email, string Token);

internal sealed record OrderDto(Guid Id, string Status, DateTime ExpiresAt, List<OrderLineDto> Tickets);

internal sealed record OrderLineDto(Guid Id, string? Seat, string? Tier);

internal sealed record TicketDto(Guid Id, string? Seat, string? Tier, string Status);

internal sealed record TierDto(string Tier, int Capacity, int Available);

internal sealed record EventDto(Guid Id, string Status, List<TierDto> Tiers);

internal sealed record PassDto(Guid Id, Guid TicketId, Guid OrderId);

internal sealed record QueuePlaceDto(
    Guid EventId, int Position, int NumberInLine, bool Admitted, DateTime AdmitAt, int EstimatedWaitSeconds, DateTime ClosesAt, string Token);

/// <summary>The public HTTP API, over one keep-alive connection pool shared by every buyer.</summary>
internal sealed class Api : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public Api(Uri baseUrl, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return await _http.SendAsync(request);
    }

    public async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} -> {(int)response.StatusCode}: {text}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> CallAsync<T>(HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await SendAsync(method, path, token, body);
        return await ReadAsync<T>(response);
    }

    /// <summary>Signs up (409 means a previous run made the account) and returns a bearer token.</summary>
    public async Task<string> SignUpAsync(string email, string password)
    {
        using (var signup = await SendAsync(HttpMethod.Post, "api/users/signup", null, new { email, password }))
        {
            if (!signup.IsSuccessStatusCode && signup.StatusCode != HttpStatusCode.Conflict)
            {
                await ReadAsync<JsonElement>(signup);
            }
        }

        var token = await CallAsync<JsonElement>(HttpMethod.Post, "api/users/token", null, new { email, password });
        return token.GetProperty("accessToken").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
