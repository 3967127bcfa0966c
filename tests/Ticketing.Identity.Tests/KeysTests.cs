using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

public sealed class KeysTests
{
    [Fact]
    public async Task Jwks_embedded_publishesPublicEcKeyOnly()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CookielessClient();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task OpenIdConfiguration_pointsAtJwksAndNamesIssuer()
    {
        await using var platform = new TestPlatform().With("Auth:Issuer", "https://tickets.example.test");
        using var client = platform.CookielessClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("https://tickets.example.test", document.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["ES256"], document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Key_embedded_isKeptInDataFolderAcrossRestarts()
    {
        var folder = Directory.CreateTempSubdirectory("ticketing-keys-").FullName;
        try
        {
            TestUser user;
            await using (var first = new TestPlatform().With("Ticketing:DataDirectory", folder))
            {
                user = await first.SignUpAsync();
            }

            Assert.Single(Directory.GetFiles(Path.Combine(folder, "identity-keys"), "*.pem"));
            await using var second = new TestPlatform().With("Ticketing:DataDirectory", folder);
            Assert.Equal(user.Id, await second.CurrentUserIdAsync(user.AccessToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Key_fromConfiguredPems_firstSignsAndAllArePublished()
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var platform = new TestPlatform()
            .With("Auth:SigningKeys:0:Pem", signing.ExportPkcs8PrivateKeyPem())
            .With("Auth:SigningKeys:0:KeyId", "2025-a")
            .With("Auth:SigningKeys:1:Pem", next.ExportSubjectPublicKeyInfoPem())
            .With("Auth:SigningKeys:1:KeyId", "2025-b");
        var user = await platform.SignUpAsync();
        using var client = platform.CookielessClient();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        Assert.Equal("2025-a", new JsonWebToken(user.AccessToken).Kid);
        Assert.Equal(["2025-a", "2025-b"], jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
        Assert.False(Directory.Exists(Path.Combine(platform.DataDirectory, "identity-keys")));
    }

    [Fact]
    public void Start_firstConfiguredKeyIsPublicOnly_refusesToStart()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var platform = new TestPlatform().With("Auth:SigningKeys:0:Pem", ecdsa.ExportSubjectPublicKeyInfoPem());

        var error = Assert.ThrowsAny<Exception>(() => platform.CreateClient());

        Assert.Contains("Auth:SigningKeys:0", error.ToString());
    }
}
