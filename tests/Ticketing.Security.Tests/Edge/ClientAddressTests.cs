using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Ticketing.Security.Tests.Edge;

/// <summary>
/// Sign-in limits per client address count the browser behind the web front end, not the front
/// end itself; a direct API client cannot name another address to escape its own limit.
/// </summary>
public sealed partial class ClientAddressTests : IAsyncLifetime
{
    private const int PerIpLimit = 4;

    // Clients are told apart by the proxy's X-Forwarded-For, as behind the kit's nginx.
    private readonly TestPlatform _platform = new TestPlatform()
        .With("FORWARDEDHEADERS_ENABLED", "true")
        .With("Identity:RateLimit:Enabled", "true")
        .With("Identity:RateLimit:PerIpPermitLimit", PerIpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Identity:RateLimit:PerAccountPermitLimit", "100");

    private Uri _address = default!;

    public Task InitializeAsync()
    {
        _address = KestrelHost.Start(_platform);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task WebSignIn_clientAExhaustsItsLimit_clientBStillSignsIn()
    {
        var userB = await SignUpFromAsync("203.0.113.20");

        string lastOfA = "";
        for (var i = 0; i <= PerIpLimit; i++)
        {
            using var bad = await PageSignInAsync("203.0.113.10", $"nobody-{Guid.NewGuid():N}@example.test", "wrong password");
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            lastOfA = await bad.Content.ReadAsStringAsync();
        }

        using var b = await PageSignInAsync("203.0.113.20", userB.Email, userB.Password);

        Assert.Contains("Try again in", lastOfA);
        Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        Assert.Contains(b.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ticketing_session=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("guessed-secret")]
    [InlineData("")]
    public async Task ApiSignIn_spoofedClientAddressHeader_isStillLimitedByItsOwnAddress(string? proof)
    {
        using var client = KestrelHost.NewClient(_address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PerIpLimit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/signin")
            {
                Content = JsonContent.Create(new { email = $"nobody-{Guid.NewGuid():N}@example.test", password = "wrong password" }),
            };
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            request.Headers.Add("X-Ticketing-Client-Address", $"192.0.2.{i + 1}");
            if (proof is not null)
            {
                request.Headers.Add("X-Ticketing-Front-End-Secret", proof);
            }

            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(PerIpLimit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private async Task<TestUser> SignUpFromAsync(string clientAddress)
    {
        using var client = KestrelHost.NewClient(_address);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return await TestUsers.SignUpAsync(client);
    }

    /// <summary>Posts the sign-in page's form as a browser would: antiforgery token and cookie from a GET of the page first.</summary>
    private async Task<HttpResponseMessage> PageSignInAsync(string clientAddress, string email, string password)
    {
        using var client = KestrelHost.NewClient(_address);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        using var page = await client.GetAsync("/signin");
        var html = await page.Content.ReadAsStringAsync();
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(post);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
