using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ticketing.Identity.Keys;

namespace Ticketing.Security.Tests.Tokens;

/// <summary>
/// Every hostile token is refused by a protected endpoint of every service, not only by Identity:
/// they share the validation setup, and this proves no module opts out of it.
/// </summary>
public sealed class TokenTests(TokenTests.Fixture fixture) : IClassFixture<TokenTests.Fixture>
{
    private readonly TestPlatform _platform = fixture.Platform;
    private readonly TestUser _user = fixture.User;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/passes" },
        { "POST", "/api/events" },
        { "GET", "/api/orders" },
        { "GET", "/api/payments" },
        { "GET", "/api/notifications" },
    };

    private static readonly string[] Kinds =
    [
        "expired", "not-yet-valid", "no-expiry", "wrong-issuer", "wrong-audience", "alg-none", "signature-stripped",
        "hs256-with-jwks-as-secret", "hs256-with-public-key-der", "rs256-attacker-key-same-kid", "es256-attacker-key-same-kid",
        "tampered-subject", "garbage",
    ];

    public static TheoryData<string> HostileTokens => new(Kinds);

    public sealed class Fixture : IAsyncLifetime
    {
        public TestPlatform Platform { get; } = new();

        public TestUser User { get; private set; } = default!;

        public async Task InitializeAsync() => User = await Platform.SignUpAsync();

        public async Task DisposeAsync() => await Platform.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ProtectedEndpoint_eachHostileToken_returns401(string method, string path)
    {
        var refused = new List<string>();
        foreach (var kind in Kinds)
        {
            var status = await SendAsync(method, path, Token(kind));
            if (status != HttpStatusCode.Unauthorized)
            {
                refused.Add($"{kind}: {(int)status}");
            }
        }

        Assert.Empty(refused);
        // The same endpoint accepts a genuine token, so the 401s above are about the tokens.
        Assert.NotEqual(HttpStatusCode.Unauthorized, await SendAsync(method, path, _user.AccessToken));
        Assert.NotEqual(HttpStatusCode.Unauthorized, await SendAsync(method, path, Forge(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5))));
    }

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public async Task Identity_hostileToken_isAnonymous(string kind)
    {
        using var client = _platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).WithBearer(Token(kind));

        var body = await client.GetStringAsync("/api/users/currentuser");

        Assert.Contains("\"currentUser\":null", body, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> SendAsync(string method, string path, string token)
    {
        using var client = _platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).WithBearer(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private string Token(string kind)
    {
        var now = DateTime.UtcNow;
        var key = _platform.Services.GetRequiredService<SigningKeyStore>().Current;
        var parts = _user.AccessToken.Split('.');
        return kind switch
        {
            "expired" => Forge(now.AddHours(-2), now.AddMinutes(-5)),
            "not-yet-valid" => Forge(now.AddMinutes(10), now.AddHours(1)),
            "no-expiry" => Forge(now, null),
            "wrong-issuer" => Forge(now, now.AddMinutes(5), issuer: "someone-else"),
            "wrong-audience" => Forge(now, now.AddMinutes(5), audience: "another-api"),
            "alg-none" => $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.",
            "signature-stripped" => $"{parts[0]}.{parts[1]}.",
            "hs256-with-jwks-as-secret" => Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JsonWebKeyJson(key))) { KeyId = key.KeyId }, SecurityAlgorithms.HmacSha256, now),
            "hs256-with-public-key-der" => Sign(new SymmetricSecurityKey(key.SecurityKey.ECDsa.ExportSubjectPublicKeyInfo()) { KeyId = key.KeyId }, SecurityAlgorithms.HmacSha256, now),
            "rs256-attacker-key-same-kid" => Sign(new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256, now),
            "es256-attacker-key-same-kid" => Sign(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = key.KeyId }, SecurityAlgorithms.EcdsaSha256, now),
            "tampered-subject" => $"{parts[0]}.{B64(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(_user.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal))}.{parts[2]}",
            _ => "not-a-jwt",
        };
    }

    private static string JsonWebKeyJson(SigningKey key) => System.Text.Json.JsonSerializer.Serialize(key.ToJsonWebKey());

    /// <summary>A token signed with the platform's own key: only the claim under test is wrong.</summary>
    private string Forge(DateTime issuedAt, DateTime? expires, string issuer = "ticketing", string audience = "ticketing") =>
        Sign(_platform.Services.GetRequiredService<SigningKeyStore>().Current.SecurityKey, SecurityAlgorithms.EcdsaSha256, issuedAt, expires, issuer, audience);

    private string Sign(SecurityKey key, string algorithm, DateTime issuedAt) => Sign(key, algorithm, issuedAt, issuedAt.AddMinutes(5));

    private string Sign(SecurityKey key, string algorithm, DateTime issuedAt, DateTime? expires, string issuer = "ticketing", string audience = "ticketing") =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", _user.Id.ToString()), new Claim("email", _user.Email)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    private static string B64(string json) => Base64UrlEncoder.Encode(json);
}
