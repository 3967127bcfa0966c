using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ticketing.Testing;

/// <summary>
/// An OpenID Connect issuer independent of the platform, as Keycloak looks to it: an RS256 key
/// and a discovery document plus JWKS served over real HTTP on a loopback port.
/// Configure a platform with <c>Auth:Authority</c> = <see cref="Origin"/> to trust it.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    private readonly RSA _rsa;
    private readonly RsaSecurityKey _key;
    private readonly WebApplication _app;

    private TestIssuer(WebApplication app, RSA rsa, RsaSecurityKey key)
    {
        _app = app;
        _rsa = rsa;
        _key = key;
        Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>The issuer URL: the tokens' <c>iss</c> and the authority to configure.</summary>
    public string Origin { get; }

    public static async Task<TestIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = $"rsa-{Guid.NewGuid():N}" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = key.KeyId });
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(
                $$"""{"issuer":"{{origin}}","jwks_uri":"{{origin}}/protocol/openid-connect/certs","id_token_signing_alg_values_supported":["RS256"]}""",
                "application/json");
        });
        app.MapGet("/protocol/openid-connect/certs", () => Results.Text(
            $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{jwk.Kid}}","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""",
            "application/json"));
        await app.StartAsync();
        return new TestIssuer(app, rsa, key);
    }

    /// <summary>An access token for the platform's audience, as Keycloak would issue it.</summary>
    public string Token(string subject, string? email, string? name = null, string audience = "ticketing", bool? emailVerified = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        if (emailVerified is { } verified)
        {
            claims.Add(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Origin,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
