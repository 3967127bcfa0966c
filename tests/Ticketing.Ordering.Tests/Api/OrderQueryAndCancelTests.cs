using System.Net;
using System.Net.Http.Json;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OrderQueryAndCancelTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    [Fact]
    public async Task List_twoOrders_returnsOnlyCallersNewestFirst()
    {
        // A fresh buyer: the shared ones have orders from other tests.
        using var client = platform.CreateClientFor(await platform.SignUpAsync());
        using var other = platform.CreateClientFor(api.Other);
        var first = await client.CreateOrderAsync(new { ticketId = (await platform.SeedTicketAsync()).TicketId });
        var second = await client.CreateOrderAsync(new { ticketId = (await platform.SeedTicketAsync()).TicketId });
        await other.CreateOrderAsync(new { ticketId = (await platform.SeedTicketAsync()).TicketId });

        var orders = await client.GetFromJsonAsync<List<OrderBody>>("/api/orders");

        Assert.Equal([second.Id, first.Id], orders!.Select(o => o.Id));
    }

    [Fact]
    public async Task Get_anotherUsersOrder_returns404()
    {
        using var owner = platform.CreateClientFor(api.Buyer);
        using var stranger = platform.CreateClientFor(api.Other);
        var order = await owner.CreateOrderAsync(new { ticketId = (await platform.SeedTicketAsync()).TicketId });

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/orders/{order.Id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_createdOrder_cancelsReleasesAndPublishes()
    {
        var ticket = await platform.SeedTicketAsync();
        using var client = platform.CreateClientFor(api.Buyer);
        var order = await client.CreateOrderAsync(new { ticketId = ticket.TicketId });

        var response = await client.DeleteAsync($"/api/orders/{order.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cancelled = await client.GetOrderAsync(order.Id);
        Assert.Equal(("cancelled", 2), (cancelled.Status, cancelled.Version));
        Assert.Null((await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        var published = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
        Assert.Equal((order.Id, CancellationReasons.Buyer, ticket.TicketId), (published.OrderId, published.Reason, published.TicketIds.Single()));
        using var next = platform.CreateClientFor(api.Other);
        Assert.Equal(HttpStatusCode.Created, (await next.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId })).StatusCode);
    }

    [Fact]
    public async Task Delete_twice_secondIs204WithoutSecondEvent()
    {
        using var client = platform.CreateClientFor(api.Buyer);
        var order = await client.CreateOrderAsync(new { ticketId = (await platform.SeedTicketAsync()).TicketId });

        await client.DeleteAsync($"/api/orders/{order.Id}");
        var again = await client.DeleteAsync($"/api/orders/{order.Id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
    }

    [Fact]
    public async Task Delete_completedOrder_returns409AndKeepsHold()
    {
        var ticket = await platform.SeedTicketAsync(price: 3000);
        var user = api.Buyer;
        using var client = platform.CreateClientFor(user);
        var order = await client.CreateOrderAsync(new { ticketId = ticket.TicketId });
        await platform.DeliverAsync(OrderingKit.Service, new PaymentSucceeded(Guid.NewGuid(), order.Id, user.Id, 3000, "EUR", "sandbox"));

        var response = await client.DeleteAsync($"/api/orders/{order.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("complete", (await client.GetOrderAsync(order.Id)).Status);
        Assert.Equal(order.Id, (await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
    }
}
