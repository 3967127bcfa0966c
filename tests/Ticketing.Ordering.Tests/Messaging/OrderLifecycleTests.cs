using Ticketing.Contracts;
using Ticketing.Ordering.Tests.Api;

namespace Ticketing.Ordering.Tests.Messaging;

[Collection(ApiCollection.Name)]
public sealed class OrderLifecycleTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    private async Task<(OrderBody Order, TicketCreated Ticket, HttpClient Client)> NewOrderAsync(long price = 2500)
    {
        var ticket = await platform.SeedTicketAsync(price: price);
        var client = platform.CreateClientFor(api.Buyer);
        return (await client.CreateOrderAsync(new { ticketId = ticket.TicketId }), ticket, client);
    }

    private PaymentSucceeded Paid(OrderBody order) => new(Guid.NewGuid(), order.Id, api.Buyer.Id, order.Total, order.Currency, "sandbox");

    [Fact]
    public async Task PaymentSucceeded_deliveredTwice_completesOncePublishesOnce()
    {
        var (order, ticket, client) = await NewOrderAsync();
        using var disposeClient = client;
        var payment = Paid(order);

        await platform.DeliverAsync(OrderingKit.Service, payment);
        await platform.DeliverAsync(OrderingKit.Service, payment);

        var completed = await client.GetOrderAsync(order.Id);
        Assert.Equal(("complete", 2), (completed.Status, completed.Version));
        var published = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCompleted>(), e => e.OrderId == order.Id);
        Assert.Equal((order.Total, ticket.TicketId), (published.TotalMinor, published.TicketIds.Single()));
    }

    [Fact]
    public async Task ExpirationComplete_forCompletedOrder_changesNothing()
    {
        var (order, ticket, client) = await NewOrderAsync();
        using var disposeClient = client;
        await platform.DeliverAsync(OrderingKit.Service, Paid(order));

        await platform.DeliverAsync(OrderingKit.Service, new ExpirationComplete(order.Id));

        var after = await client.GetOrderAsync(order.Id);
        Assert.Equal(("complete", 2), (after.Status, after.Version));
        Assert.Equal(order.Id, (await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        Assert.DoesNotContain(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
    }

    [Fact]
    public async Task ExpirationComplete_deliveredTwice_cancelsOnceAndReleases()
    {
        var (order, ticket, client) = await NewOrderAsync();
        using var disposeClient = client;
        var expired = new ExpirationComplete(order.Id);

        await platform.DeliverAsync(OrderingKit.Service, expired);
        await platform.DeliverAsync(OrderingKit.Service, expired);
        await platform.DeliverAsync(OrderingKit.Service, new ExpirationComplete(order.Id));

        Assert.Equal("cancelled", (await client.GetOrderAsync(order.Id)).Status);
        Assert.Null((await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        var published = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
        Assert.Equal(CancellationReasons.Expired, published.Reason);
    }

    [Fact]
    public async Task PaymentSucceeded_forCancelledOrder_leavesItCancelled()
    {
        var (order, ticket, client) = await NewOrderAsync();
        using var disposeClient = client;
        await client.DeleteAsync($"/api/orders/{order.Id}");

        await platform.DeliverAsync(OrderingKit.Service, Paid(order));

        Assert.Equal("cancelled", (await client.GetOrderAsync(order.Id)).Status);
        Assert.Null((await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        Assert.DoesNotContain(await platform.PublishedAsync<OrderingDbContext, OrderCompleted>(), e => e.OrderId == order.Id);
    }

    [Fact]
    public async Task PaymentSucceeded_amountShort_leavesOrderCreated()
    {
        var (order, _, client) = await NewOrderAsync(price: 5000);
        using var disposeClient = client;

        await platform.DeliverAsync(OrderingKit.Service, Paid(order) with { AmountMinor = 4999 });

        Assert.Equal("created", (await client.GetOrderAsync(order.Id)).Status);
    }
}
