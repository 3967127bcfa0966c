using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Identity.Keys;

namespace Ticketing.Identity.Tests;

internal static class ApiHelpers
{
    public static HttpClient CookielessClient(this TestPlatform platform) =>
        platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>The user the platform sees for this bearer token, or null when it rejects the token.</summary>
    public static async Task<Guid?> CurrentUserIdAsync(this TestPlatform platform, string token)
    {
        using var client = platform.CookielessClient().WithBearer(token);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");
        var current = body.GetProperty("currentUser");
        return current.ValueKind == JsonValueKind.Null ? null : current.GetProperty("id").GetGuid();
    }

    public static object Credentials(string email, string password = "correct horse") => new { email, password };

    public static string UniqueEmail() => $"u-{Guid.NewGuid():N}@example.test";

    /// <summary>A token signed with the platform's own current key, with whatever claims and times the test needs.</summary>
    public static string Forge(this TestPlatform platform, Guid userId, DateTime issuedAt, DateTime expires, string issuer = "ticketing", string audience = "ticketing") =>
        Sign(platform.Services.GetRequiredService<SigningKeyStore>().Current.SecurityKey, SecurityAlgorithms.EcdsaSha256, userId, issuedAt, expires, issuer, audience);

    public static string Sign(SecurityKey key, string algorithm, Guid userId, DateTime issuedAt, DateTime expires, string issuer = "ticketing", string audience = "ticketing") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("email", "forged@example.test")]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    public static string Base64Url(string json) => Base64UrlEncoder.Encode(json);

    public static string[] SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTime start) : TimeProvider
{
    public DateTime UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
}
