using System.Net;
using System.Net.Http.Json;
using Ticketing.Contracts;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications.Tests;

public sealed class NotificationApiTests
{
    [Fact]
    public async Task List_anonymous_returns401()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/api/notifications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_afterTwoEvents_showsOnlyCallersNewestFirst()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var other = await platform.SignUpAsync();
        await platform.DeliverAsync("notifications", new OrderCancelled(Guid.NewGuid(), 2, buyer.Id, [Guid.NewGuid()], CancellationReasons.Buyer));
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 100, "EUR", [Guid.NewGuid()]));
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, other.Id, 100, "EUR", [Guid.NewGuid()]));
        using var client = platform.CreateClientFor(buyer);

        var items = await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications");

        Assert.NotNull(items);
        Assert.Equal(["order-completed", "order-cancelled-buyer"], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.False(i.Read));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task List_limitBelowOneOrNotAnInt_returns400Problem(string limit)
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClientFor(await platform.SignUpAsync());

        var response = await client.GetAsync($"/api/notifications?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_limitAboveMaximum_isClampedNotRefused()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 100, "EUR", [Guid.NewGuid()]));
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 100, "EUR", [Guid.NewGuid()]));
        using var client = platform.CreateClientFor(buyer);

        Assert.Single((await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications?limit=1"))!);
        Assert.Equal(2, (await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications?limit=100000"))!.Count);
    }

    [Fact]
    public async Task MarkRead_ownNotification_returns204AndShowsRead()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 100, "EUR", [Guid.NewGuid()]));
        using var client = platform.CreateClientFor(buyer);
        var item = Assert.Single((await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications"))!);

        var response = await client.PostAsync($"/api/notifications/{item.Id}/read", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(Assert.Single((await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications"))!).Read);
    }

    [Fact]
    public async Task MarkRead_someoneElsesNotification_returns404()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var intruder = await platform.SignUpAsync();
        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 100, "EUR", [Guid.NewGuid()]));
        var item = Assert.Single((await platform.CreateClientFor(buyer).GetFromJsonAsync<List<NotificationResponse>>("/api/notifications"))!);

        var response = await platform.CreateClientFor(intruder).PostAsync($"/api/notifications/{item.Id}/read", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
