using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Server.Tests;

/// <summary>
/// A checkout whose payment never comes: the hold is extended once, the expiry timer of the
/// original deadline does not cancel the order, and the extended hold still ends, through every
/// module's real path (Ordering's outbox, Expiration's timer moved by OrderHoldExtended, the
/// ExpirationComplete of the new deadline), in-process and over RabbitMQ.
/// </summary>
public sealed class HoldExtensionTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(TestProvider.Sqlite, false)]
    [InlineData(TestProvider.PostgreSql, true)]
    public async Task Checkout_paymentNeverComes_orderOutlivesItsFirstDeadlineAndExpiresAtTheExtendedOne(TestProvider provider, bool rabbitMq)
    {
        await using var platform = new TestPlatform(provider, rabbitMq)
            .With("Ordering:HoldDuration", Hold.ToString())
            .With("Ordering:PaymentWindow", Window.ToString());
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (buyer, _) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets);
        var orderId = order.GetProperty("id").GetGuid();
        var firstDeadline = order.GetProperty("expiresAt").GetDateTime().ToUniversalTime();

        var checkout = await buyer.PostAsync($"/api/orders/{orderId}/checkout", content: null);
        var extended = (await PlatformApi.ReadAsync(checkout, HttpStatusCode.OK)).GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        Assert.True(extended > firstDeadline, $"the checkout did not extend the hold ({firstDeadline:O} -> {extended:O})");

        // Well past the first deadline, with the expiry poll (250 ms) and a relay round behind it.
        await DelayUntilAsync(firstDeadline + TimeSpan.FromSeconds(3));
        Assert.True(DateTime.UtcNow < extended, "the machine was too slow to look between the two deadlines");
        Assert.Equal("created", await StatusAsync(buyer, orderId));

        Assert.Equal("cancelled", await PlatformApi.WaitForAsync(buyer, $"/api/orders/{orderId}", "status", "cancelled"));
        Assert.True(DateTime.UtcNow >= extended, "cancelled before the extended deadline");
    }

    private static async Task DelayUntilAsync(DateTime moment)
    {
        var wait = moment - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private static async Task<string?> StatusAsync(HttpClient buyer, Guid orderId) =>
        (await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString();
}
