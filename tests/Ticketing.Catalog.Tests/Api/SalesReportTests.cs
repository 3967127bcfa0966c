using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

public sealed class SalesReportTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Sales_oneSoldOneHeldOneFree_reportsPerTierRevenueAndTimeline(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (eventId, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 3);
        var buyer = Guid.NewGuid();
        var paid = Guid.NewGuid();
        var held = Guid.NewGuid();
        await platform.DeliverAsync("catalog", new OrderCreated(paid, 1, buyer, DateTimeOffset.UtcNow.AddMinutes(15), 4050, "EUR", [new OrderedTicket(tickets[0], 4050)]));
        await platform.DeliverAsync("catalog", new OrderCompleted(paid, 2, buyer, 4050, "EUR", [tickets[0]]));
        await platform.DeliverAsync("catalog", new OrderCreated(held, 1, buyer, DateTimeOffset.UtcNow.AddMinutes(15), 4050, "EUR", [new OrderedTicket(tickets[1], 4050)]));

        var report = await PlatformApi.ReadAsync(await organizer.GetAsync($"/api/events/{eventId}/sales"), HttpStatusCode.OK);

        Assert.Equal(4050, report.GetProperty("revenue").GetInt64());
        var tier = Assert.Single(report.GetProperty("tiers").EnumerateArray());
        Assert.Equal((1, 1, 1, 3), (tier.GetProperty("sold").GetInt32(), tier.GetProperty("held").GetInt32(),
            tier.GetProperty("available").GetInt32(), tier.GetProperty("capacity").GetInt32()));
        var point = Assert.Single(report.GetProperty("timeline").EnumerateArray());
        Assert.Equal(1, point.GetProperty("sold").GetInt32());
    }

    [Fact]
    public async Task Sales_askedByAnotherUser_isRefused()
    {
        await using var platform = new TestPlatform();
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (stranger, _) = await api.SignUpAsync();
        var (eventId, _) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);

        var response = await stranger.GetAsync($"/api/events/{eventId}/sales");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
