using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Messaging;

/// <summary>Blocks of ticket states (a generated tier, an event put on sale) applied in one statement.</summary>
public sealed class TicketsChangedTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task TicketsChanged_blockDeliveredTwice_secondIsNoOpAndUnitsCanBeOrdered(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var eventId = Guid.NewGuid();
        var units = Enumerable.Range(0, 1_000).Select(_ => State(eventId, "GA", version: 2)).ToList();
        var block = new TicketsChanged(units);

        await platform.DeliverAsync(OrderingKit.Service, block);
        await platform.DeliverAsync(OrderingKit.Service, block);

        var stored = await platform.WithScopeAsync<OrderingDbContext, List<(int Version, string Status)>>(async db =>
            (await db.Tickets.AsNoTracking().Where(t => t.EventId == eventId).Select(t => new { t.Version, t.Status }).ToListAsync())
                .Select(t => (t.Version, t.Status)).ToList());
        Assert.Equal(1_000, stored.Count);
        Assert.All(stored, t => Assert.Equal((2, TicketStatuses.Available), t));

        // The rows are stored the way the hold statement looks them up (ids, event, tier).
        var buyer = await platform.SignUpAsync();
        using var client = platform.CreateClientFor(buyer);
        var order = await client.CreateOrderAsync(new { eventId, tier = "GA", quantity = 3 });
        Assert.Equal(3, order.Tickets.Count);
        Assert.All(order.Tickets, t => Assert.Contains(units, u => u.TicketId == t.Id));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task TicketsChanged_mixedWithSingleEvents_newestVersionOfEachTicketWins(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var eventId = Guid.NewGuid();
        var sold = OrderingKit.NewTicket(eventId: eventId, tier: "Floor", seat: "A-1");
        var later = OrderingKit.NewTicket(eventId: eventId, tier: "Floor", seat: "A-2");
        await platform.DeliverAsync(OrderingKit.Service, sold);
        await platform.DeliverAsync(OrderingKit.Service, OrderingKit.Updated(sold, 3, TicketStatuses.Sold));

        // The block is older than the sale of A-1 and newer than what Ordering has of A-2 (nothing).
        await platform.DeliverAsync(OrderingKit.Service, new TicketsChanged([
            State(sold, version: 2, TicketStatuses.Available),
            State(later, version: 2, TicketStatuses.Available),
            State(later, version: 1, TicketStatuses.Withdrawn),
        ]));
        // A single event older than the block arrives last.
        await platform.DeliverAsync(OrderingKit.Service, later with { Status = TicketStatuses.Withdrawn });

        var a1 = (await platform.ReplicaAsync(sold.TicketId))!;
        var a2 = (await platform.ReplicaAsync(later.TicketId))!;
        Assert.Equal((3, TicketStatuses.Sold), (a1.Version, a1.Status));
        Assert.Equal((2, TicketStatuses.Available, "A-2", eventId), (a2.Version, a2.Status, a2.Seat, a2.EventId!.Value));
    }

    [Fact]
    public async Task TicketsChanged_blockWithdrawingAnEvent_refusesNewOrders()
    {
        await using var platform = new TestPlatform();
        var eventId = Guid.NewGuid();
        var units = Enumerable.Range(0, 5).Select(_ => State(eventId, "GA", version: 1)).ToList();
        await platform.DeliverAsync(OrderingKit.Service, new TicketsChanged(units));
        await platform.DeliverAsync(OrderingKit.Service, new TicketsChanged(units.Select(u => u with { Version = 2, Status = TicketStatuses.Withdrawn }).ToList()));

        using var client = platform.CreateClientFor(await platform.SignUpAsync());
        var response = await client.PostAsJsonAsync("/api/orders", new { eventId, tier = "GA", quantity = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static TicketState State(Guid eventId, string tier, int version) =>
        new(Guid.NewGuid(), version, "Festival", 4500, "EUR", Guid.NewGuid(), eventId, tier, null, TicketStatuses.Available, null);

    private static TicketState State(TicketCreated t, int version, string status) =>
        new(t.TicketId, version, t.Title, t.PriceMinor, t.Currency, t.OwnerId, t.EventId, t.Tier, t.Seat, status, null);
}
