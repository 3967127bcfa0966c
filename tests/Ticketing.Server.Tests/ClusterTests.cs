using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Server.Tests;

/// <summary>The API journey against separate processes, PostgreSQL databases per service and RabbitMQ, through nginx.</summary>
public sealed class ClusterTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    private readonly PlatformApi _api = new(cluster.CreateClient);

    [Fact]
    public async Task Buy_throughNginxEdgeOnSeparateProcesses_completesIssuesPassesAndChecksInOnce()
    {
        var (organizer, _) = await _api.SignUpAsync();
        var (buyer, _) = await _api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 3);

        var order = await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets.Take(2));
        var orderId = order.GetProperty("id").GetGuid();
        await PlatformApi.PayAsync(buyer, orderId);

        Assert.Equal("complete", await PlatformApi.WaitForAsync(buyer, $"/api/orders/{orderId}", "status", "complete"));
        Assert.Equal("sold", await PlatformApi.WaitForAsync(buyer, $"/api/tickets/{tickets[0]}", "status", "sold"));
        Assert.Equal("sold", await PlatformApi.WaitForAsync(buyer, $"/api/tickets/{tickets[1]}", "status", "sold"));
        var codes = await PlatformApi.PassCodesWhenIssuedAsync(buyer, expected: 2);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), await PlatformApi.ScanTwiceAsync(organizer, codes[1]));
        Assert.True(await Eventually.TrueAsync(async () =>
            (await buyer.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray()
                .Any(n => n.GetProperty("kind").GetString() == "order-completed")));
    }

    [Fact]
    public async Task Expire_withTwoOrderingAndTwoExpirationInstances_cancelsEachOrderOnce()
    {
        var (organizer, _) = await _api.SignUpAsync();
        var (buyer, _) = await _api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 3);
        var orderIds = new List<Guid>();
        foreach (var ticket in tickets)
        {
            orderIds.Add((await PlatformApi.OrderWhenReplicatedAsync(buyer, [ticket])).GetProperty("id").GetGuid());
        }

        foreach (var orderId in orderIds)
        {
            Assert.Equal("cancelled", await PlatformApi.WaitForAsync(buyer, $"/api/orders/{orderId}", "status", "cancelled"));
        }

        // Each expiry produced exactly one OrderCancelled: one notification per order, no more,
        // although two Expiration and two Ordering processes shared the work.
        Assert.True(await Eventually.TrueAsync(async () => await ExpiredNotificationsAsync(buyer) >= orderIds.Count));
        await Task.Delay(LocalCluster.HoldDuration);
        Assert.Equal(orderIds.Count, await ExpiredNotificationsAsync(buyer));
        var again = await PlatformApi.OrderWhenReplicatedAsync(buyer, [tickets[0]]);
        Assert.Equal("created", again.GetProperty("status").GetString());
    }

    private static async Task<int> ExpiredNotificationsAsync(HttpClient buyer) =>
        (await buyer.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString() == "order-cancelled-expired");
}
