using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Identity.Tests;

public sealed class SignUpTests
{
    [Fact]
    public async Task Signup_validCredentials_returns201AndSignsIn()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/users/signup", new { email = "  Alice@Example.COM ", password = "correct horse" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("alice@example.com", body.GetProperty("email").GetString());
        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");
        Assert.Equal(body.GetProperty("id").GetGuid(), current.GetProperty("currentUser").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TestUsers_signUp_returnsWorkingBearerToken()
    {
        await using var platform = new TestPlatform();
        var user = await platform.SignUpAsync();
        using var client = platform.CreateClientFor(user);

        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");

        Assert.Equal(user.Id, current.GetProperty("currentUser").GetProperty("id").GetGuid());
        Assert.Equal(user.Email, current.GetProperty("currentUser").GetProperty("email").GetString());
    }

    [Fact]
    public async Task CurrentUser_anonymous_returnsNull()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var current = await client.GetFromJsonAsync<JsonElement>("/api/users/currentuser");

        Assert.Equal(JsonValueKind.Null, current.GetProperty("currentUser").ValueKind);
    }
}
