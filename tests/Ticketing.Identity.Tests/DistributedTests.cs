using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Ticketing.BuildingBlocks.Auth;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

/// <summary>
/// Processes that do not host the identity module validate tokens on their own, with keys
/// they fetch from the issuer's discovery document over real HTTP.
/// </summary>
public sealed class DistributedTests
{
    [Fact]
    public async Task CatalogOnlyProcess_tokenFromIdentityOnlyProcess_isAccepted()
    {
        using var pem = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var identity = new TestPlatform(TestProvider.PostgreSql, rabbitMq: true, services: ["identity"])
            .With("Auth:SigningKeys:0:Pem", pem.ExportPkcs8PrivateKeyPem());
        var origin = StartOnKestrel(identity);
        using var identityClient = new HttpClient { BaseAddress = new Uri(origin) };
        var user = await TestUsers.SignUpAsync(identityClient);
        await using var catalog = new TestPlatform(TestProvider.PostgreSql, rabbitMq: true, services: ["catalog"])
            .With("Auth:MetadataAddress", origin + "/.well-known/openid-configuration");
        var stranger = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "stranger" };
        var now = DateTime.UtcNow;

        var accepted = await AuthenticateAsync(catalog, user.AccessToken);
        var forged = await AuthenticateAsync(catalog, Sign(stranger, SecurityAlgorithms.EcdsaSha256, user.Id, now, now.AddMinutes(5)));

        Assert.Equal(user.Id, accepted?.GetUserId());
        Assert.Equal(user.Email, accepted?.GetEmail());
        Assert.Null(forged);
    }

    [Fact]
    public async Task ProcessWithoutKeySource_rejectsEveryToken()
    {
        await using var identity = new TestPlatform();
        var user = await identity.SignUpAsync();
        await using var catalog = new TestPlatform(TestProvider.PostgreSql, rabbitMq: true, services: ["catalog"]);

        Assert.Null(await AuthenticateAsync(catalog, user.AccessToken));
    }

    [Fact]
    public async Task ExternalIssuer_tokensValidatedFromItsDiscoveryDocument_builtInEndpointsOff()
    {
        await using var external = new TestPlatform().With("Auth:Issuer", "external-issuer");
        var origin = StartOnKestrel(external);
        using var externalClient = new HttpClient { BaseAddress = new Uri(origin) };
        var user = await TestUsers.SignUpAsync(externalClient);
        await using var platform = new TestPlatform().With("Auth:Authority", origin);
        using var client = platform.CookielessClient();

        var signup = await client.PostAsJsonAsync("/api/users/signup", Credentials(UniqueEmail()));
        var jwks = await client.GetAsync("/.well-known/jwks.json");
        var localToken = platform.Services.GetService<ITokenValidationKeys>();

        Assert.Equal(user.Id, await platform.CurrentUserIdAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.NotFound, signup.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jwks.StatusCode);
        Assert.Null(localToken);
    }

    private static string StartOnKestrel(TestPlatform platform)
    {
        platform.UseKestrel(0);
        platform.StartServer();
        var address = platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Runs the process's own authentication handler on a request carrying the token.</summary>
    private static async Task<ClaimsPrincipal?> AuthenticateAsync(TestPlatform platform, string token)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = $"Bearer {token}";
        var result = await context.AuthenticateAsync();
        return result.Succeeded ? result.Principal : null;
    }
}
