using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

public sealed class TokenTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Token_rightCredentials_returnsEs256BearerTokenWithPublishedKid()
    {
        var user = await _platform.SignUpAsync();
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/token", Credentials(user.Email, user.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.SetCookies());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        var jwt = new JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(user.Id.ToString(), jwt.Subject);
        Assert.Equal("ticketing", jwt.Issuer);
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == jwt.Kid);
    }

    [Fact]
    public async Task Token_wrongPassword_returns401()
    {
        var user = await _platform.SignUpAsync();
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/token", Credentials(user.Email, "wrong password"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_validToken_isAccepted()
    {
        var user = await _platform.SignUpAsync();

        Assert.Equal(user.Id, await _platform.CurrentUserIdAsync(user.AccessToken));
    }

    [Fact]
    public async Task Bearer_tamperedPayload_isRejected()
    {
        var user = await _platform.SignUpAsync();
        var parts = user.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(user.Id.ToString(), Guid.NewGuid().ToString());
        var tampered = $"{parts[0]}.{Base64Url(payload)}.{parts[2]}";

        Assert.Null(await _platform.CurrentUserIdAsync(tampered));
    }

    [Fact]
    public async Task Bearer_expiredToken_isRejected()
    {
        var now = DateTime.UtcNow;
        var valid = _platform.Forge(Guid.NewGuid(), now.AddMinutes(-1), now.AddMinutes(5));
        var expired = _platform.Forge(Guid.NewGuid(), now.AddHours(-2), now.AddMinutes(-1));

        Assert.NotNull(await _platform.CurrentUserIdAsync(valid));
        Assert.Null(await _platform.CurrentUserIdAsync(expired));
    }

    [Fact]
    public async Task Bearer_signedByUnknownKey_isRejected()
    {
        var stranger = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "stranger" };
        var now = DateTime.UtcNow;

        Assert.Null(await _platform.CurrentUserIdAsync(Sign(stranger, SecurityAlgorithms.EcdsaSha256, Guid.NewGuid(), now, now.AddMinutes(5))));
    }

    [Fact]
    public async Task Bearer_algNone_isRejected()
    {
        var user = await _platform.SignUpAsync();
        var payload = user.AccessToken.Split('.')[1];
        var unsigned = $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}.";

        Assert.Null(await _platform.CurrentUserIdAsync(unsigned));
    }

    [Fact]
    public async Task Bearer_hs256WithPublishedPublicKeyAsSecret_isRejected()
    {
        using var client = _platform.CookielessClient();
        var jwks = await client.GetStringAsync("/.well-known/jwks.json");
        var secret = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(jwks)));
        var now = DateTime.UtcNow;

        Assert.Null(await _platform.CurrentUserIdAsync(Sign(secret, SecurityAlgorithms.HmacSha256, Guid.NewGuid(), now, now.AddMinutes(5))));
    }

    [Theory]
    [InlineData("someone-else", "ticketing")]
    [InlineData("ticketing", "another-api")]
    public async Task Bearer_wrongIssuerOrAudience_isRejected(string issuer, string audience)
    {
        var now = DateTime.UtcNow;

        Assert.Null(await _platform.CurrentUserIdAsync(_platform.Forge(Guid.NewGuid(), now, now.AddMinutes(5), issuer, audience)));
    }

    [Fact]
    public async Task Cookie_pastHalfLifetime_isRenewedButFreshOneIsNot()
    {
        var now = DateTime.UtcNow;
        var userId = Guid.NewGuid();
        var old = _platform.Forge(userId, now.AddMinutes(-50), now.AddMinutes(10));
        var fresh = _platform.Forge(userId, now, now.AddMinutes(60));
        using var client = _platform.CookielessClient();

        var renewed = await GetWithCookieAsync(client, old);
        var untouched = await GetWithCookieAsync(client, fresh);

        var cookie = Assert.Single(renewed.SetCookies());
        Assert.StartsWith("ticketing_session=", cookie);
        var replacement = new JsonWebToken(cookie["ticketing_session=".Length..cookie.IndexOf(';')]);
        Assert.Equal(userId.ToString(), replacement.Subject);
        Assert.True(replacement.ValidTo > now.AddMinutes(55));
        Assert.Empty(untouched.SetCookies());
    }

    [Fact]
    public async Task Bearer_pastHalfLifetime_isNotRenewed()
    {
        var now = DateTime.UtcNow;
        using var client = _platform.CookielessClient().WithBearer(_platform.Forge(Guid.NewGuid(), now.AddMinutes(-50), now.AddMinutes(10)));

        var response = await client.GetAsync("/api/users/currentuser");

        Assert.Empty(response.SetCookies());
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/currentuser");
        request.Headers.Add("Cookie", $"ticketing_session={token}");
        return client.SendAsync(request);
    }
}
