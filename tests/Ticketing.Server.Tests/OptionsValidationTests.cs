using Microsoft.Extensions.Options;

namespace Ticketing.Server.Tests;

/// <summary>Every options section is validated when the process starts, not when a request first reads it.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Catalog:MaxTicketsPerCall", "0")]
    [InlineData("Catalog:EmailLookups:Window", "00:00:00")]
    [InlineData("Identity:Lockout:MaxFailedAttempts", "0")]
    [InlineData("Messaging:HandlerAttempts", "0")]
    [InlineData("Notifications:Email:SmtpPort", "70000")]
    [InlineData("Notifications:Email:From", "not an address")]
    [InlineData("Web:AvailabilityRefreshSeconds", "0")]
    [InlineData("Ordering:HoldDuration", "00:00:00")]
    [InlineData("Expiration:BatchSize", "0")]
    public async Task Start_invalidSetting_failsNamingTheSetting(string key, string value)
    {
        await using var platform = new TestPlatform().With(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => platform.CreateClient());

        Assert.Contains(key.Split(':')[^1], error.Message);
    }
}
