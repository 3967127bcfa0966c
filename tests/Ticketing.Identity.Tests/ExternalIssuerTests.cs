using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.Contracts;

namespace Ticketing.Identity.Tests;

/// <summary>
/// The platform trusting a second, independent issuer (RS256, JWKS over HTTP, as Keycloak or
/// Auth0 look to it) instead of the built-in one.
/// </summary>
public sealed class ExternalIssuerTests
{
    [Fact]
    public async Task CreateEventAndTicket_subjectNotAGuid_succeedsAsTheDerivedUser()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var platform = new TestPlatform().With("Auth:Authority", issuer.Origin);
        var subject = $"auth0|{Guid.NewGuid():N}";
        using var client = Client(platform, issuer.Token(subject, $"{Guid.NewGuid():N}@example.test"));
        var starts = DateTimeOffset.UtcNow.AddDays(3);

        var created = await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/api/events", new
        {
            title = "External night", venue = "Hall", startsAt = starts, endsAt = starts.AddHours(2), currency = "EUR",
        }), HttpStatusCode.Created);
        var listing = await client.PostAsJsonAsync("/api/tickets", new { title = "Resale", price = 10 });
        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");

        var expected = ClaimsPrincipalExtensions.ExternalUserId(issuer.Origin, subject);
        Assert.Equal(expected, created.GetProperty("organizerId").GetGuid());
        Assert.Equal(HttpStatusCode.Created, listing.StatusCode);
        Assert.Equal(expected, current.GetProperty("currentUser").GetProperty("id").GetGuid());
    }

    [Fact]
    public void ExternalUserId_sameIssuerAndSubject_isStableAndDistinctPerIssuer()
    {
        var id = ClaimsPrincipalExtensions.ExternalUserId("https://sso.example.test/realms/a", "auth0|123");

        Assert.Equal(id, ClaimsPrincipalExtensions.ExternalUserId("https://sso.example.test/realms/a", "auth0|123"));
        Assert.NotEqual(id, ClaimsPrincipalExtensions.ExternalUserId("https://sso.example.test/realms/b", "auth0|123"));
        Assert.Equal(8, id.Version);
    }

    [Fact]
    public async Task Request_tokenWithoutSubject_returns401()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var platform = new TestPlatform().With("Auth:Authority", issuer.Origin);
        using var client = Client(platform, issuer.Token("", "nobody@example.test"));

        var response = await client.PostAsJsonAsync("/api/tickets", new { title = "Resale", price = 10 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task FirstToken_seenTwiceConcurrently_recordsUserOncePublishesUserRegisteredOnce()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var platform = new TestPlatform().With("Auth:Authority", issuer.Origin);
        var email = $"{Guid.NewGuid():N}@example.test";
        var token = issuer.Token($"kc-{Guid.NewGuid():N}", email.ToUpperInvariant(), "Kim");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = Client(platform, token);
            (await client.GetAsync("/api/passes")).EnsureSuccessStatusCode();
        }));

        Assert.Equal(1, await platform.WithScopeAsync<IdentityDbContext, int>(db => db.ExternalUsers.CountAsync(u => u.Email == email)));
        Assert.Equal(1, await platform.WithScopeAsync<IdentityDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.EventType == nameof(UserRegistered) && m.Payload.Contains(email))));
    }

    [Fact]
    public async Task FirstToken_emailNotVerified_isNotRegistered()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var platform = new TestPlatform().With("Auth:Authority", issuer.Origin);
        var email = $"{Guid.NewGuid():N}@example.test";
        using var client = Client(platform, issuer.Token($"kc-{Guid.NewGuid():N}", email, emailVerified: false));

        (await client.GetAsync("/api/passes")).EnsureSuccessStatusCode();

        Assert.Equal(0, await platform.WithScopeAsync<IdentityDbContext, int>(db => db.ExternalUsers.CountAsync(u => u.Email == email)));
    }

    /// <summary>
    /// Organizer, buyer and friend exist only at the external issuer (two Auth0-style subjects, one
    /// Keycloak-style GUID): the first request of each makes them known, so the buyer is e-mailed
    /// the tickets and can transfer a pass to the friend by address.
    /// </summary>
    [Fact]
    public async Task BuyEmailAndTransfer_usersOnlyAtExternalIssuer_work()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var platform = new TestPlatform().With("Auth:Authority", issuer.Origin);
        var (buyerEmail, friendEmail) = ($"buyer-{Guid.NewGuid():N}@example.test", $"friend-{Guid.NewGuid():N}@example.test");
        using var organizer = Client(platform, issuer.Token($"auth0|org-{Guid.NewGuid():N}", $"org-{Guid.NewGuid():N}@example.test", "Olga"));
        using var buyer = Client(platform, issuer.Token($"auth0|{Guid.NewGuid():N}", buyerEmail, "Bea", emailVerified: true));
        using var friend = Client(platform, issuer.Token(Guid.NewGuid().ToString(), friendEmail, "Fred"));
        (await friend.GetAsync("/api/passes")).EnsureSuccessStatusCode();

        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 2);
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets.Take(1));
        await PlatformApi.PayAsync(buyer, order.GetProperty("id").GetGuid());
        await PlatformApi.PassCodesWhenIssuedAsync(buyer, expected: 1);
        var passId = (await buyer.GetFromJsonAsync<JsonElement>("/api/passes"))[0].GetProperty("id").GetGuid();
        var transferred = await Eventually.TrueAsync(async () =>
        {
            // Accepted either way; it moves once Catalog has learnt the friend from UserRegistered.
            await buyer.PostAsJsonAsync($"/api/passes/{passId}/transfer", new { email = friendEmail });
            return (await friend.GetFromJsonAsync<JsonElement>("/api/passes")).GetArrayLength() == 1;
        }, TimeSpan.FromSeconds(30));

        Assert.True(transferred, "the pass never reached the friend");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailTo(platform, buyerEmail) && MailTo(platform, friendEmail)), TimeSpan.FromSeconds(60)),
            "the buyer's tickets or the friend's transferred pass were never e-mailed");
    }

    private static bool MailTo(TestPlatform platform, string email)
    {
        var folder = Path.Combine(platform.DataDirectory, "mail");
        return Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Any(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    internal static HttpClient Client(TestPlatform platform, string token) =>
        platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).WithBearer(token);
}
