using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Server.Tests;

/// <summary>
/// The whole platform end to end through its public API: every service, every event between
/// them, on both topologies. Buy two seats, pay with the sandbox card, and see the order
/// complete, the seats sold and the buyer notified.
/// </summary>
public sealed class JourneyTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite, false)]
    [InlineData(TestProvider.PostgreSql, true)]
    public async Task Buy_twoSeatsPaidWithSandboxCard_completesSellsIssuesPassesAndChecksInOnce(TestProvider provider, bool rabbitMq)
    {
        await using var platform = new TestPlatform(provider, rabbitMq);
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (buyer, buyerId) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 4);

        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets.Take(2));
        var orderId = order.GetProperty("id").GetGuid();
        var payment = await PlatformApi.PayAsync(buyer, orderId);

        Assert.Equal(buyerId, order.GetProperty("userId").GetGuid());
        Assert.Equal(orderId, payment.GetProperty("orderId").GetGuid());
        Assert.Equal("complete", await PlatformApi.WaitForAsync(buyer, $"/api/orders/{orderId}", "status", "complete"));
        foreach (var ticket in tickets.Take(2))
        {
            Assert.Equal("sold", await PlatformApi.WaitForAsync(buyer, $"/api/tickets/{ticket}", "status", "sold"));
        }

        Assert.Equal("available", await PlatformApi.WaitForAsync(buyer, $"/api/tickets/{tickets[2]}", "status", "available"));
        var codes = await PlatformApi.PassCodesWhenIssuedAsync(buyer, expected: 2);
        Assert.Equal(2, codes.Count);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), await PlatformApi.ScanTwiceAsync(organizer, codes[0]));
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var notes = await buyer.GetFromJsonAsync<JsonElement>("/api/notifications");
            return notes.EnumerateArray().Any(n => n.GetProperty("kind").GetString() == "order-completed");
        }));
    }

    [Fact]
    public async Task Buy_sameSeatAfterOtherBuyerPaid_returns409()
    {
        await using var platform = new TestPlatform();
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (first, _) = await api.SignUpAsync();
        var (second, _) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        var order = await PlatformApi.OrderWhenReplicatedAsync(first, tickets);
        var orderId = order.GetProperty("id").GetGuid();
        await PlatformApi.PayAsync(first, orderId, "4242424242424242");
        await PlatformApi.WaitForAsync(first, $"/api/orders/{orderId}", "status", "complete");

        var response = await second.PostAsJsonAsync("/api/orders", new { ticketId = tickets[0] });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
