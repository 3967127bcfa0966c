using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Security.Tests.Web;

/// <summary>
/// CSRF: a state change that a browser marks as coming from another site is refused when it rides
/// on the session cookie, and still works with a bearer token or from our own pages.
/// </summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    private readonly TestPlatform _platform = new();
    private HttpClient _browser = default!;
    private TestUser _user = default!;

    public async Task InitializeAsync()
    {
        // Signs up through the API and keeps the session cookie, as a browser would.
        _browser = _platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _user = await TestUsers.SignUpAsync(_browser);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _platform.DisposeAsync();
    }

    public static TheoryData<string, string> CrossSiteHeaders => new()
    {
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
    };

    [Theory]
    [MemberData(nameof(CrossSiteHeaders))]
    public async Task CookiePost_crossSite_returns403AndCreatesNothing(string header, string value)
    {
        using var request = CreateEvent();
        request.Headers.Add(header, value);

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountMyEventsAsync());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "http://localhost")]
    [InlineData(null, null)]
    public async Task CookiePost_sameOriginOrNonBrowser_isAccepted(string? header, string? value)
    {
        using var request = CreateEvent();
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task BearerPost_crossSiteOrigin_isAccepted()
    {
        using var client = _platform.CreateClientFor(_user);
        using var request = CreateEvent();
        request.Headers.Add("Origin", "https://partner.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task WebSignOut_crossSite_returns403AndKeepsTheSession()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signout");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _));
    }

    [Fact]
    public async Task CookieGet_crossSite_isNotBlocked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage CreateEvent()
    {
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        return new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { title = "Forged", description = "", venue = "Hall", startsAt = starts, endsAt = starts.AddHours(1), currency = "EUR" }),
        };
    }

    private async Task<int> CountMyEventsAsync()
    {
        using var client = _platform.CreateClientFor(_user);
        var events = await client.GetFromJsonAsync<JsonElement>("/api/events?mine=true&pageSize=100");
        return events.EnumerateArray().Count(e => e.GetProperty("title").GetString() == "Forged");
    }
}
