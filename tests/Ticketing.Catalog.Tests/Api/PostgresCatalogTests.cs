using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

/// <summary>The provider-specific paths (multi-row inserts, conditional updates, row versions) on PostgreSQL.</summary>
public sealed class PostgresCatalogTests(PostgresPlatformFixture fixture) : IClassFixture<PostgresPlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task EventLifecycle_onPostgres_generatesPublishesAndCancelsInventory()
    {
        var client = _platform.CreateClientFor(await _platform.SignUpAsync());
        var starts = DateTimeOffset.UtcNow.AddDays(30);
        var show = await (await client.PostAsJsonAsync("/api/events", new { title = "PG show", venue = "Hall", startsAt = starts, endsAt = starts.AddHours(2), currency = "JPY" }))
            .ReadAsync<EventBody>(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "Seats", price = 9000, section = "Main", rows = new[] { "A", "B", "C" }, seatsPerRow = 400 }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "GA", price = 5000, quantity = 1500 }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "Seats", price = 9000, section = "Main", rows = new[] { "C" }, seatsPerRow = 1 }))
            .DetailAsync(HttpStatusCode.Conflict);

        var published = await (await client.PostAsync($"/api/events/{show.Id}/publish", null)).ReadAsync<EventBody>(HttpStatusCode.OK);
        var cancelled = await (await client.PostAsync($"/api/events/{show.Id}/cancel", null)).ReadAsync<EventBody>(HttpStatusCode.OK);

        Assert.Equal([new TierBody("GA", 5000m, 5000m, 1500, 1500), new TierBody("Seats", 9000m, 9000m, 1200, 1200)], published.Tiers);
        Assert.All(cancelled.Tiers, t => Assert.Equal(0, t.Available));
        // Created withdrawn in the draft (v1, not announced), put on sale (v2), withdrawn again (v3): announced twice, in bulk.
        var states = await _platform.OfEventAsync(show.Id);
        Assert.Equal((0, 2700, 2700),
            (states.Count(t => t is { Version: 1 }),
             states.Count(t => t is { Version: 2, Status: TicketStatuses.Available }),
             states.Count(t => t is { Version: 3, Status: TicketStatuses.Withdrawn })));
        Assert.Equal(0, await _platform.SingleTicketEventsAsync(show.Id));
    }

    [Fact]
    public async Task Update_concurrentEditsOnPostgres_noWriteIsLost()
    {
        var client = _platform.CreateClientFor(await _platform.SignUpAsync());
        var ticket = await (await client.PostAsJsonAsync("/api/tickets", new { title = "Concert", price = 20 })).ReadAsync<TicketBody>(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = $"Edit {i}", price = i })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var wins = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1 + wins, (await client.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"))!.Version);
    }

    [Fact]
    public async Task OrderCreated_deliveredTwiceOnPostgres_reservesOnce()
    {
        var client = _platform.CreateClientFor(await _platform.SignUpAsync());
        var ticket = await (await client.PostAsJsonAsync("/api/tickets", new { title = "Concert", price = 20 })).ReadAsync<TicketBody>(HttpStatusCode.Created);
        var order = Guid.NewGuid();
        var envelope = OutboxMessage.From(new OrderCreated(order, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15), 2000, "USD", [new OrderedTicket(ticket.Id, 2000)])).ToEnvelope();
        var dispatcher = _platform.Services.GetRequiredService<EventDispatcher>();

        await dispatcher.DispatchAsync(CatalogModule.ServiceName, envelope, CancellationToken.None);
        await dispatcher.DispatchAsync(CatalogModule.ServiceName, envelope, CancellationToken.None);

        var stored = (await client.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"))!;
        Assert.Equal((TicketStatuses.Reserved, order, 2), (stored.Status, stored.OrderId, stored.Version));
        var updates = await _platform.WithScopeAsync<CatalogDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.EventType == nameof(TicketsChanged) && m.Payload.Contains(ticket.Id.ToString())));
        Assert.Equal(0, updates);
    }
}
