using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using static Ticketing.Identity.Tests.ApiHelpers;

namespace Ticketing.Identity.Tests;

/// <summary>Spellings that read like a registered address must not become a second account.</summary>
public sealed class LookAlikeEmailTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    /// <summary>Why the platform folds full-width letters itself instead of calling string.Normalize.</summary>
    [Fact]
    public void StringNormalize_underInvariantGlobalization_leavesFullWidthLettersAlone()
    {
        Assert.Equal("\uFF41lice@example.com", "\uFF41lice@example.com".Normalize(NormalizationForm.FormKC));
        Assert.Equal("alice@example.com", EmailNormalisation.Normalise(" \uFF21LICE@\uFF45xample.com "));
    }

    [Fact]
    public async Task Signup_fullWidthVariantOfRegisteredEmail_returns409SameAccount()
    {
        using var client = _platform.CookielessClient();
        var local = $"alice{Guid.NewGuid():N}";
        (await client.PostAsJsonAsync("/api/users/signup", Credentials($"{local}@example.com"))).EnsureSuccessStatusCode();
        var fullWidth = "\uFF41" + local[1..] + "@example.com";

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials(fullWidth));
        var signIn = await client.PostAsJsonAsync("/api/users/signin", Credentials(fullWidth));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var suffix = local[1..] + "@example.com";
        Assert.Equal(1, await _platform.WithScopeAsync<IdentityDbContext, int>(db => db.Users.CountAsync(u => u.Email.EndsWith(suffix))));
    }

    [Theory]
    [InlineData("al\u0131ce{0}@example.com")] // dotless i
    [InlineData("\u0430lice{0}@example.com")] // Cyrillic a
    [InlineData("alice{0}@ex\u0430mple.com")] // Cyrillic a in the domain
    [InlineData("\uFB01ona{0}@example.com")] // the "fi" ligature
    public async Task Signup_nonAsciiLookAlike_returns400WithReason(string template)
    {
        using var client = _platform.CookielessClient();
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid().ToString("N"));

        var response = await client.PostAsJsonAsync("/api/users/signup", Credentials(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("ASCII", body.GetProperty("errors").GetProperty("email").ToString());
        Assert.Equal(0, await _platform.WithScopeAsync<IdentityDbContext, int>(db => db.Users.CountAsync(u => u.Email == email.ToLowerInvariant())));
    }
}
