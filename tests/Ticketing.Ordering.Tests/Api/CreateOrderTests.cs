using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class CreateOrderTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    [Fact]
    public async Task Create_singleTicket_returns201WithHoldAndPrices()
    {
        var user = api.Buyer;
        using var client = platform.CreateClientFor(user);
        var ticket = await platform.SeedTicketAsync(price: 4200, currency: "EUR", seat: "A-1");

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<OrderBody>())!;
        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("created", order.Status);
        Assert.Equal(user.Id, order.UserId);
        Assert.Equal(4200, order.Total);
        Assert.Equal("EUR", order.Currency);
        Assert.InRange(order.ExpiresAt, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(15));
        var line = Assert.Single(order.Tickets);
        Assert.Equal((ticket.TicketId, "A-1", 4200L), (line.Id, line.Seat, line.Price));
        Assert.Equal(order.Id, (await platform.ReplicaAsync(ticket.TicketId))!.HeldByOrderId);
        var created = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderCreated>(), e => e.OrderId == order.Id);
        Assert.Equal((order.Id, 4200L, ticket.TicketId), (created.OrderId, created.TotalMinor, created.Tickets.Single().TicketId));
    }

    [Fact]
    public async Task Create_reservedTicket_returns409()
    {
        var ticket = await platform.SeedTicketAsync();
        using var first = platform.CreateClientFor(api.Buyer);
        using var second = platform.CreateClientFor(api.Other);
        await first.CreateOrderAsync(new { ticketId = ticket.TicketId });

        var response = await second.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_cartWithOneUnavailableTicket_reservesNothing()
    {
        var free1 = await platform.SeedTicketAsync();
        var free2 = await platform.SeedTicketAsync();
        var taken = await platform.SeedTicketAsync();
        using var other = platform.CreateClientFor(api.Other);
        await other.CreateOrderAsync(new { ticketId = taken.TicketId });
        using var client = platform.CreateClientFor(api.Buyer);

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketIds = new[] { free1.TicketId, taken.TicketId, free2.TicketId } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null((await platform.ReplicaAsync(free1.TicketId))!.HeldByOrderId);
        Assert.Null((await platform.ReplicaAsync(free2.TicketId))!.HeldByOrderId);
        Assert.Equal(0, await platform.WithScopeAsync<OrderingDbContext, int>(
            db => db.OrderTickets.CountAsync(t => t.TicketId == free1.TicketId || t.TicketId == free2.TicketId)));
    }

    [Fact]
    public async Task Create_cartOfFreeTickets_holdsAllInRequestOrder()
    {
        var a = await platform.SeedTicketAsync(price: 1000);
        var b = await platform.SeedTicketAsync(price: 1500);
        using var client = platform.CreateClientFor(api.Buyer);

        var order = await client.CreateOrderAsync(new { ticketIds = new[] { b.TicketId, a.TicketId } });

        Assert.Equal([b.TicketId, a.TicketId], order.Tickets.Select(t => t.Id));
        Assert.Equal(2500, order.Total);
    }

    [Fact]
    public async Task Create_soldOrWithdrawnTicket_returns409()
    {
        var sold = await platform.SeedTicketAsync();
        var withdrawn = await platform.SeedTicketAsync();
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(sold, 2, TicketStatuses.Sold));
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(withdrawn, 2, TicketStatuses.Withdrawn));
        using var client = platform.CreateClientFor(api.Buyer);

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/orders", new { ticketId = sold.TicketId })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/orders", new { ticketId = withdrawn.TicketId })).StatusCode);
    }

    [Fact]
    public async Task Create_ticketOfCancelledEvent_returns409()
    {
        var eventId = Guid.NewGuid();
        var ticket = await platform.SeedTicketAsync(eventId: eventId, tier: "floor");
        await platform.DeliverAsync(OrderingKit.Service, new EventCancelled(eventId, 2, Guid.NewGuid()));
        using var client = platform.CreateClientFor(api.Buyer);

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await client.PostAsJsonAsync("/api/orders", new { eventId, tier = "floor", quantity = 1 })).StatusCode);
    }

    [Fact]
    public async Task Create_unknownTicketOrTier_returns404()
    {
        using var client = platform.CreateClientFor(api.Buyer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/orders", new { ticketId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostAsJsonAsync("/api/orders", new { eventId = Guid.NewGuid(), tier = "floor", quantity = 2 })).StatusCode);
    }

    [Fact]
    public async Task Create_generalAdmission_holdsRequestedQuantityOfTier()
    {
        var eventId = Guid.NewGuid();
        await platform.SeedUnitsAsync(eventId, "floor", 5);
        await platform.SeedTicketAsync(eventId: eventId, tier: "balcony");
        using var client = platform.CreateClientFor(api.Buyer);

        var order = await client.CreateOrderAsync(new { eventId, tier = "floor", quantity = 3 });
        var rest = await client.PostAsJsonAsync("/api/orders", new { eventId, tier = "floor", quantity = 3 });

        Assert.Equal(3, order.Tickets.Count);
        Assert.All(order.Tickets, t => Assert.Equal("floor", t.Tier));
        Assert.Equal(HttpStatusCode.Conflict, rest.StatusCode);
        Assert.Equal(2, (await client.CreateOrderAsync(new { eventId, tier = "floor", quantity = 2 })).Tickets.Count);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{ "ticketIds": [] }""", "ticketIds" },
        { """{ }""", "ticketIds" },
        { """{ "ticketId": "0198a3f4-0000-7000-8000-000000000001", "ticketIds": ["0198a3f4-0000-7000-8000-000000000002"] }""", "ticketIds" },
        { """{ "ticketIds": ["0198a3f4-0000-7000-8000-000000000001", "0198a3f4-0000-7000-8000-000000000001"] }""", "ticketIds" },
        { """{ "eventId": "0198a3f4-0000-7000-8000-000000000001", "tier": "floor", "quantity": 0 }""", "quantity" },
        { """{ "eventId": "0198a3f4-0000-7000-8000-000000000001", "tier": "floor", "quantity": 11 }""", "quantity" },
        { """{ "eventId": "0198a3f4-0000-7000-8000-000000000001", "quantity": 1 }""", "tier" },
        { """{ "tier": "floor", "quantity": 1 }""", "eventId" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_invalidRequest_returns400WithFieldError(string body, string field)
    {
        using var client = platform.CreateClientFor(api.Buyer);

        var response = await client.PostAsync("/api/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_moreTicketsThanDefaultLimit_returns400()
    {
        using var client = platform.CreateClientFor(api.Buyer);
        var ids = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray();

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketIds = ids });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 10", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_cartInTwoCurrencies_returns400()
    {
        var eur = await platform.SeedTicketAsync(currency: "EUR");
        var usd = await platform.SeedTicketAsync(currency: "USD");
        using var client = platform.CreateClientFor(api.Buyer);

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketIds = new[] { eur.TicketId, usd.TicketId } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await platform.ReplicaAsync(eur.TicketId))!.HeldByOrderId);
    }

    [Fact]
    public async Task Create_anonymous_returns401()
    {
        using var client = platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/orders", new { ticketId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
