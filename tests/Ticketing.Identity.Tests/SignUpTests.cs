using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

public sealed class SignUpTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Signup_validCredentials_returns201NormalisedEmailAndSignsIn()
    {
        using var client = _platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/users/signup", new { email = "  Alice@Example.COM ", password = "correct horse" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("alice@example.com", body.GetProperty("email").GetString());
        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");
        Assert.Equal(body.GetProperty("id").GetGuid(), current.GetProperty("currentUser").GetProperty("id").GetGuid());
        Assert.Equal("alice@example.com", current.GetProperty("currentUser").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Signup_passwordStoredHashed_neverInClear()
    {
        using var client = _platform.CookielessClient();
        var email = UniqueEmail();

        await client.PostAsJsonAsync("/api/users/signup", Credentials(email, "plain-text-secret"));

        var hash = await _platform.WithScopeAsync<IdentityDbContext, string>(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain("plain-text-secret", hash);
        Assert.True(hash.Length > 40);
    }

    [Fact]
    public async Task Signup_duplicateEmailDifferentCase_returns409()
    {
        using var client = _platform.CookielessClient();
        var email = UniqueEmail();
        (await client.PostAsJsonAsync("/api/users/signup", Credentials(email))).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials("  " + email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await _platform.WithScopeAsync<IdentityDbContext, int>(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Signup_newAccount_publishesUserRegisteredOnce()
    {
        using var client = _platform.CookielessClient();
        var email = UniqueEmail();

        var created = await client.PostAsJsonAsync("/api/users/signup", Credentials(email));
        await client.PostAsJsonAsync("/api/users/signup", Credentials(email.ToUpperInvariant()));

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var events = await _platform.WithScopeAsync<IdentityDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => m.EventType == "UserRegistered" && m.Payload.Contains(email)).Select(m => m.Payload).ToListAsync());
        var payload = JsonDocument.Parse(Assert.Single(events)).RootElement;
        Assert.Equal(id, payload.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Signup_malformedJson_returns400Problem()
    {
        using var client = _platform.CookielessClient();

        var response = await client.PostAsync("/api/users/signup", new StringContent("{\"email\": \"a@b.c\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signup_missingFields_returns400WithBothFieldErrors()
    {
        using var client = _platform.CookielessClient();

        var response = await client.PostAsync("/api/users/signup", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("alice@localhost")]
    public async Task Signup_invalidEmail_returns400(string email)
    {
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData(7, HttpStatusCode.BadRequest)]
    [InlineData(8, HttpStatusCode.Created)]
    [InlineData(128, HttpStatusCode.Created)]
    [InlineData(129, HttpStatusCode.BadRequest)]
    public async Task Signup_passwordLength_enforces8To128(int length, HttpStatusCode expected)
    {
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials(UniqueEmail(), new string('p', length)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Signup_concurrentDuplicates_oneCreatedRest409AndNoErrorLogged(TestProvider provider)
    {
        var logs = new LogCapture();
        await using var platform = new TestPlatform(provider).WithLogger(logs);
        var email = UniqueEmail();
        // Warm up first, so the racing requests are not serialised behind start-up and migrations.
        using (var warm = platform.CreateClient())
        {
            (await warm.PostAsJsonAsync("/api/users/signup", Credentials(UniqueEmail()))).EnsureSuccessStatusCode();
        }

        logs.Clear();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
            return (await client.PostAsJsonAsync("/api/users/signup", Credentials(email))).StatusCode;
        }));

        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1, await platform.WithScopeAsync<IdentityDbContext, int>(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal(1, await platform.WithScopeAsync<IdentityDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.EventType == "UserRegistered" && m.Payload.Contains(email))));
        Assert.True(logs.Errors.Count == 0, string.Join("\n", logs.Errors));
    }
}
