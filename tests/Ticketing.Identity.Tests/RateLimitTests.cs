using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Signin_perIpLimitReached_returns429WithRetryAfterProblem()
    {
        await using var platform = new TestPlatform()
            .With("Identity:RateLimit:Enabled", "true")
            .With("Identity:RateLimit:PerIpPermitLimit", "3")
            .With("Identity:RateLimit:PerAccountPermitLimit", "100")
            .With("Identity:RateLimit:Window", "00:01:00");
        using var client = platform.CookielessClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/users/signin", Credentials(UniqueEmail()))).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/users/token", Credentials(UniqueEmail()));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/currentuser")).StatusCode);
    }

    [Fact]
    public async Task Signin_perAccountLimitReached_returns429ForThatEmailOnly()
    {
        await using var platform = new TestPlatform()
            .With("Identity:RateLimit:Enabled", "true")
            .With("Identity:RateLimit:PerIpPermitLimit", "100")
            .With("Identity:RateLimit:PerAccountPermitLimit", "2");
        var user = await platform.SignUpAsync();
        using var client = platform.CookielessClient();

        var third = await client.PostAsJsonAsync("/api/users/signin", Credentials(user.Email.ToUpperInvariant(), user.Password));
        var otherAccount = await client.PostAsJsonAsync("/api/users/signin", Credentials(UniqueEmail()));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccount.StatusCode);
    }

    [Fact]
    public async Task Signup_rateLimitDisabled_allowsManySignupsFromOneAddress()
    {
        await using var platform = new TestPlatform()
            .With("Identity:RateLimit:Enabled", "false")
            .With("Identity:RateLimit:PerIpPermitLimit", "1");
        using var client = platform.CookielessClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/users/signup", Credentials(UniqueEmail()))).StatusCode);
        }
    }
}
