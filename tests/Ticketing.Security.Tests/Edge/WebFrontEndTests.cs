using System.Net;

namespace Ticketing.Security.Tests.Edge;

/// <summary>The web front end's own answers to hostile or foreign requests, through its real pages over HTTP.</summary>
public sealed class WebFrontEndTests(WebFrontEndTests.Fixture fixture) : IClassFixture<WebFrontEndTests.Fixture>
{
    private readonly World _world = fixture.World;

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TestPlatform _platform = new();

        public Uri Address { get; private set; } = default!;

        internal World World { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Address = KestrelHost.Start(_platform);
            World = await World.CreateAsync(() => KestrelHost.NewClient(Address));
        }

        public async Task DisposeAsync() => await _platform.DisposeAsync();
    }

    [Theory]
    [InlineData("%0a")]
    [InlineData("%00")]
    [InlineData("%0d")]
    [InlineData("%0d%0aX-Injected:%201")]
    [InlineData("abc%7fdef")]
    public async Task Page_sessionCookieWithControlCharacter_rendersAsSignedOut(string cookie)
    {
        using var client = KestrelHost.NewClient(fixture.Address);

        using var home = await client.SendAsync(WithSession(HttpMethod.Get, "/", cookie));
        using var orders = await client.SendAsync(WithSession(HttpMethod.Get, "/orders", cookie));
        using var qr = await client.SendAsync(WithSession(HttpMethod.Get, $"/passes/{_world.PassId}/qr.svg", cookie));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/signin\"", html);
        Assert.DoesNotContain("data-testid=\"current-user\"", html);
        Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
        Assert.Contains("/signin?returnUrl=", orders.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, qr.StatusCode);
    }

    [Fact]
    public async Task PassQr_throughWebProxy_isPrivateNoStore()
    {
        using var client = KestrelHost.NewClient(fixture.Address);

        using var response = await client.SendAsync(WithSession(HttpMethod.Get, $"/passes/{_world.PassId}/qr.svg", _world.Buyer.AccessToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task ManageEventPage_anotherOrganizersEvent_returns404WithoutManagementForms()
    {
        using var client = KestrelHost.NewClient(fixture.Address);

        using var foreign = await client.SendAsync(WithSession(HttpMethod.Get, $"/organizer/events/{_world.OtherEventId}", _world.Organizer.AccessToken));
        using var own = await client.SendAsync(WithSession(HttpMethod.Get, $"/organizer/events/{_world.EventId}", _world.Organizer.AccessToken));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var html = await foreign.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Cancel event", html);
        Assert.DoesNotContain("Generate seats", html);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Cancel event", await own.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage WithSession(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Cookie", $"ticketing_session={cookie}");
        return request;
    }
}
