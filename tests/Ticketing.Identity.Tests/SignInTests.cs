using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Identity.Users;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

public sealed class SignInTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Signin_rightPasswordAnyEmailCase_returns200AndSessionCookie()
    {
        var user = await _platform.SignUpAsync();
        using var client = _platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email.ToUpperInvariant(), user.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");
        Assert.Equal(user.Id, current.GetProperty("currentUser").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Signin_wrongPasswordOrUnknownEmail_returnSame401()
    {
        var user = await _platform.SignUpAsync();
        using var client = _platform.CookielessClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, "not the password"));
        var unknownEmail = await client.PostAsJsonAsync("/api/users/signin", Credentials(UniqueEmail(), "not the password"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Empty(wrongPassword.SetCookies());
        var first = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var second = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signin_missingPassword_returns400()
    {
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/signin", new { email = UniqueEmail() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Signout_thenCurrentUser_returnsNullAndClearsCookie()
    {
        using var client = _platform.CreateClient();
        await TestUsers.SignUpAsync(client);

        var signout = await client.PostAsync("/api/users/signout", null);
        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");

        Assert.Equal(HttpStatusCode.NoContent, signout.StatusCode);
        var cleared = Assert.Single(signout.SetCookies());
        Assert.StartsWith("ticketing_session=;", cleared);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, current.GetProperty("currentUser").ValueKind);
    }

    [Fact]
    public async Task Signin_development_cookieIsHttpOnlyLaxNotSecure()
    {
        var user = await _platform.SignUpAsync();
        using var client = _platform.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, user.Password));

        var cookie = Assert.Single(response.SetCookies()).ToLowerInvariant();
        Assert.StartsWith("ticketing_session=ey", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("secure", cookie);
    }

    [Fact]
    public async Task Signup_outsideDevelopment_cookieIsSecure()
    {
        await using var production = new TestPlatform().With("environment", "Production");
        using var client = production.CookielessClient();

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials(UniqueEmail()));

        var cookie = Assert.Single(response.SetCookies()).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Fact]
    public async Task Signin_hashWithOldIterationCount_isRehashedWithCurrentParameters()
    {
        var email = UniqueEmail();
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        await _platform.WithScopeAsync<IdentityDbContext, int>(db =>
        {
            var user = User.Create(email, "", DateTime.UtcNow);
            user.ChangePasswordHash(weak.HashPassword(user, "correct horse"));
            db.Users.Add(user);
            return db.SaveChangesAsync();
        });
        using var client = _platform.CookielessClient();
        var before = await StoredHashAsync(email);

        var response = await client.PostAsJsonAsync("/api/users/signin", Credentials(email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1_000, IterationsOf(before));
        Assert.Equal(TestPlatform.PasswordIterations, IterationsOf(await StoredHashAsync(email)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/users/signin", Credentials(email))).StatusCode);
    }

    [Fact]
    public async Task Signin_repeatedFailures_locksAccountWith429EvenForRightPassword()
    {
        await using var platform = new TestPlatform()
            .With("Identity:Lockout:MaxFailedAttempts", "3")
            .With("Identity:Lockout:Duration", "00:10:00");
        var user = await platform.SignUpAsync();
        using var client = platform.CookielessClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, "wrong password"))).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, user.Password));
        var token = await client.PostAsJsonAsync("/api/users/token", Credentials(user.Email, user.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 590, 600);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signin_successBeforeLimit_resetsFailureCount()
    {
        await using var platform = new TestPlatform().With("Identity:Lockout:MaxFailedAttempts", "2");
        var user = await platform.SignUpAsync();
        using var client = platform.CookielessClient();

        await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, "wrong password"));
        await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, user.Password));
        await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, "wrong password"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email, user.Password))).StatusCode);
    }

    // PasswordHasher v3 format: marker byte, PRF (uint32 BE), iteration count (uint32 BE), ...
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }

    private Task<string> StoredHashAsync(string email) =>
        _platform.WithScopeAsync<IdentityDbContext, string>(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
}
