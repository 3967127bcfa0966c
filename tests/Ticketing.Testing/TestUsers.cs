using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Testing;

/// <summary>A user signed up through the API, with a bearer token for it.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string AccessToken);

public static class TestUsers
{
    /// <summary>
    /// Signs up a fresh user (unique email unless one is given) and fetches a bearer token.
    /// If <paramref name="client"/> handles cookies (the default of <c>CreateClient()</c>) it also
    /// keeps the session cookie, i.e. it is signed in afterwards; use another client for anonymous calls.
    /// </summary>
    public static async Task<TestUser> SignUpAsync(HttpClient client, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        var signUp = await client.PostAsJsonAsync("/api/users/signup", new { email, password });
        await EnsureAsync(signUp, "signup");
        var user = (await signUp.Content.ReadFromJsonAsync<UserBody>())!;

        var token = await client.PostAsJsonAsync("/api/users/token", new { email, password });
        await EnsureAsync(token, "token");
        var body = (await token.Content.ReadFromJsonAsync<TokenBody>())!;
        return new TestUser(user.Id, user.Email, password, body.AccessToken);
    }

    /// <summary>Signs up a fresh user without leaving a cookie on any client.</summary>
    public static async Task<TestUser> SignUpAsync(this TestPlatform platform, string? email = null)
    {
        using var client = platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return await SignUpAsync(client, email);
    }

    /// <summary>Sends <c>Authorization: Bearer</c> on every request of this client.</summary>
    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client without cookies that authenticates as <paramref name="user"/> with its bearer token.</summary>
    public static HttpClient CreateClientFor(this TestPlatform platform, TestUser user) =>
        platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).WithBearer(user.AccessToken);

    private static async Task EnsureAsync(HttpResponseMessage response, string step)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Test user {step} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record UserBody(Guid Id, string Email);

    private sealed record TokenBody(string AccessToken, string TokenType, int ExpiresIn);
}
