using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Security.Tests.Edge;

/// <summary>
/// The charset parameter of a JSON body: UTF-8 (bare or quoted, any case) is read, anything else
/// is a 415 problem before an endpoint runs, never a 500 from the JSON reader.
/// </summary>
public sealed class CharsetTests(CharsetTests.Platform fixture) : IClassFixture<CharsetTests.Platform>
{
    private readonly HttpClient _client = fixture.Client;

    public sealed class Platform : IAsyncLifetime
    {
        private readonly TestPlatform _platform = new();

        public HttpClient Client { get; private set; } = default!;

        public Task InitializeAsync()
        {
            Client = _platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _platform.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=utf-32")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=\"bogus\"")]
    [InlineData("application/problem+json; charset=latin1")]
    public async Task JsonPost_unsupportedCharset_returns415Problem(string contentType)
    {
        using var response = await SignInAsync(contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json")]
    [InlineData("application/merge-patch+json; charset=\"utf-8\"")]
    public async Task JsonPost_utf8BareOrQuoted_isRead(string contentType)
    {
        using var response = await SignInAsync(contentType);

        // Unknown credentials: the body was read and the endpoint answered.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAsync(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"email\":\"nobody@example.test\",\"password\":\"correct horse\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await _client.PostAsync("/api/users/signin", content);
    }
}
