using System.Net;
using System.Net.Http.Json;
using Ticketing.Contracts;
using Ticketing.Ordering.Tests.Api;

namespace Ticketing.Ordering.Tests.Messaging;

[Collection(ApiCollection.Name)]
public sealed class TicketReplicaTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    [Fact]
    public async Task TicketUpdated_outOfOrderAndDuplicated_leavesNewestVersion()
    {
        var ticket = OrderingKit.NewTicket(price: 1000);
        var v2 = OrderingKit.Updated(ticket, 2, price: 2000);
        var v3 = OrderingKit.Updated(ticket, 3, price: 3000);
        var v5 = OrderingKit.Updated(ticket, 5, price: 5000);

        // A gap (no v4) never blocks; older and repeated versions arrive after newer ones.
        foreach (var e in new IntegrationEvent[] { v3, ticket, v5, v2, v3, v5 })
        {
            await platform.DeliverAsync(OrderingKit.Service, e);
        }

        var replica = await platform.ReplicaAsync(ticket.TicketId);
        Assert.Equal((5, 5000L), (replica!.Version, replica.PriceMinor));
    }

    [Fact]
    public async Task TicketUpdated_sameVersionWithOtherContent_isIgnored()
    {
        var ticket = await platform.SeedTicketAsync(price: 1000);

        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(ticket, 1, price: 9999));

        Assert.Equal(1000, (await platform.ReplicaAsync(ticket.TicketId))!.PriceMinor);
    }

    [Fact]
    public async Task TicketUpdated_reservedForMyOrder_keepsHoldAndCancelReleasesIt()
    {
        var ticket = await platform.SeedTicketAsync();
        using var client = platform.CreateClientFor(api.Buyer);
        var order = await client.CreateOrderAsync(new { ticketId = ticket.TicketId });

        // Catalog's echo of OrderCreated, then a stale "available" (v2 was emitted before Catalog saw the order).
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(ticket, 3, TicketStatuses.Reserved, orderId: order.Id));
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(ticket, 2, TicketStatuses.Available));

        Assert.Equal(order.Id, (await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/orders/{order.Id}")).StatusCode);
        using var other = platform.CreateClientFor(api.Other);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId })).StatusCode);
    }

    [Fact]
    public async Task TicketUpdated_newerAvailableWhileHeld_doesNotReleaseHold()
    {
        var ticket = await platform.SeedTicketAsync();
        using var client = platform.CreateClientFor(api.Buyer);
        var order = await client.CreateOrderAsync(new { ticketId = ticket.TicketId });

        // A price change Catalog made before it processed OrderCreated: newer, yet says "available".
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(ticket, 2, TicketStatuses.Available, price: 9000));

        var replica = await platform.ReplicaAsync(ticket.TicketId);
        Assert.Equal((order.Id, 9000L), (replica!.HeldByOrderId, replica.PriceMinor));
        using var other = platform.CreateClientFor(api.Other);
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId })).StatusCode);
    }

    [Fact]
    public async Task EventCancelled_deliveredTwiceAndBeforeItsTickets_blocksTicketsArrivingLater()
    {
        var eventId = Guid.NewGuid();
        var cancelled = new EventCancelled(eventId, 2, Guid.NewGuid());
        await platform.DeliverAsync(OrderingKit.Service, cancelled);
        await platform.DeliverAsync(OrderingKit.Service, cancelled);
        var late = await platform.SeedTicketAsync(eventId: eventId, tier: "floor");
        using var client = platform.CreateClientFor(api.Buyer);

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketId = late.TicketId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
