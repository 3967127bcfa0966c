using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Ordering.Tests.Api;
using Ticketing.Ordering.Tickets;

namespace Ticketing.Ordering.Tests.Messaging;

[Collection(ApiCollection.Name)]
public sealed class EventCancellationTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    private PaymentSucceeded Paid(OrderBody order, TestUser buyer) => new(Guid.NewGuid(), order.Id, buyer.Id, order.Total, order.Currency, "sandbox");

    [Fact]
    public async Task EventCancelled_deliveredTwice_cancelsOpenAndPaidOrdersOncePublishesOneOrderCancelledEach()
    {
        var eventId = Guid.NewGuid();
        var openTicket = await platform.SeedTicketAsync(eventId: eventId, tier: "floor", seat: "A-1");
        var paidTicket = await platform.SeedTicketAsync(eventId: eventId, tier: "floor", seat: "A-2");
        var otherEventTicket = await platform.SeedTicketAsync(eventId: Guid.NewGuid(), tier: "floor");
        using var buyer = platform.CreateClientFor(api.Buyer);
        using var other = platform.CreateClientFor(api.Other);
        var open = await buyer.CreateOrderAsync(new { ticketId = openTicket.TicketId });
        var paid = await other.CreateOrderAsync(new { ticketId = paidTicket.TicketId });
        var unrelated = await other.CreateOrderAsync(new { ticketId = otherEventTicket.TicketId });
        await platform.DeliverAsync(OrderingKit.Service, Paid(paid, api.Other));
        var cancelled = new EventCancelled(eventId, 2, Guid.NewGuid());

        await platform.DeliverAsync(OrderingKit.Service, cancelled);
        await platform.DeliverAsync(OrderingKit.Service, cancelled);
        await platform.DeliverAsync(OrderingKit.Service, cancelled with { Id = Guid.NewGuid() });

        Assert.Equal(("cancelled", 2), ((await buyer.GetOrderAsync(open.Id)).Status, (await buyer.GetOrderAsync(open.Id)).Version));
        Assert.Equal(("cancelled", 3), ((await other.GetOrderAsync(paid.Id)).Status, (await other.GetOrderAsync(paid.Id)).Version));
        Assert.Equal("created", (await other.GetOrderAsync(unrelated.Id)).Status);
        var published = (await platform.PublishedAsync<OrderingDbContext, OrderCancelled>()).Where(e => e.OrderId == open.Id || e.OrderId == paid.Id).ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, e => Assert.Equal(CancellationReasons.EventCancelled, e.Reason));
        Assert.Equal((api.Other.Id, paidTicket.TicketId), (published.Single(e => e.OrderId == paid.Id).UserId, published.Single(e => e.OrderId == paid.Id).TicketIds.Single()));
        Assert.Null((await platform.ReplicaAsync(openTicket.TicketId))!.HeldByOrderId);
    }

    [Fact]
    public async Task PaymentSucceeded_forOpenOrderOfCancelledEvent_cancelsItInsteadOfCompleting()
    {
        // The race ApplyEventCancelled closes, forced: the event is known cancelled while an order of it is still open.
        var eventId = Guid.NewGuid();
        var ticket = await platform.SeedTicketAsync(eventId: eventId, tier: "floor");
        using var buyer = platform.CreateClientFor(api.Buyer);
        var order = await buyer.CreateOrderAsync(new { ticketId = ticket.TicketId });
        await platform.WithScopeAsync<OrderingDbContext, int>(db =>
        {
            db.CancelledEvents.Add(new CancelledEvent { EventId = eventId, CancelledAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var payment = Paid(order, api.Buyer);

        await platform.DeliverAsync(OrderingKit.Service, payment);
        await platform.DeliverAsync(OrderingKit.Service, payment);

        Assert.Equal("cancelled", (await buyer.GetOrderAsync(order.Id)).Status);
        Assert.DoesNotContain(await platform.PublishedAsync<OrderingDbContext, OrderCompleted>(), e => e.OrderId == order.Id);
        var published = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
        Assert.Equal(CancellationReasons.EventCancelled, published.Reason);
        Assert.True(await platform.WithScopeAsync<OrderingDbContext, bool>(db => db.CancelledEvents.AnyAsync(c => c.EventId == eventId)));
    }
}
