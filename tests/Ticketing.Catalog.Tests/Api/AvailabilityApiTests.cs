using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

public sealed record FreeSeatBody(Guid Id, string Seat, decimal Price);

public sealed record TierAvailabilityBody(string Tier, int Capacity, int Available, List<FreeSeatBody> Seats);

public sealed record AvailabilityBody(Guid EventId, string Currency, List<TierAvailabilityBody> Tiers);

public sealed class AvailabilityApiTests
{
    [Fact]
    public async Task Availability_seatsAndGeneralAdmission_listsFreeSeatsAndCountsUnseatedUnits()
    {
        await using var platform = new TestPlatform();
        var api = NewApi(platform);
        var (organizer, _) = await api.SignUpAsync();
        var (eventId, _) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 3);
        await (await organizer.PostAsJsonAsync($"/api/events/{eventId}/tickets", new { tier = "Standing", price = 20, quantity = 5 }))
            .ExpectAsync(HttpStatusCode.Created);

        var body = await (await platform.CreateClient().GetAsync($"/api/events/{eventId}/availability")).ReadAsync<AvailabilityBody>(HttpStatusCode.OK);

        Assert.Equal((eventId, "EUR"), (body.EventId, body.Currency));
        var standing = Assert.Single(body.Tiers, t => t.Tier == "Standing");
        Assert.Equal((5, 5, 0), (standing.Capacity, standing.Available, standing.Seats.Count));
        var floor = Assert.Single(body.Tiers, t => t.Tier == "Floor");
        Assert.Equal((3, 3), (floor.Capacity, floor.Available));
        Assert.Equal(["Floor A-1", "Floor A-2", "Floor A-3"], floor.Seats.Select(s => s.Seat));
        Assert.All(floor.Seats, s => Assert.Equal(40.5m, s.Price));
    }

    [Fact]
    public async Task Availability_afterAHold_organizerSeesItLiveWhileBuyersShareTheSnapshot()
    {
        // A long max age makes the buyers' shared snapshot observable; the organizer always reads live.
        await using var platform = new TestPlatform().With("Catalog:TierFiguresMaxAge", "01:00:00");
        var api = NewApi(platform);
        var (organizer, _) = await api.SignUpAsync();
        var (buyer, buyerId) = await api.SignUpAsync();
        var (eventId, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 2);
        var before = await ReadAsync(buyer, eventId);

        await platform.DeliverAsync("catalog", new OrderCreated(Guid.NewGuid(), 1, buyerId, DateTimeOffset.UtcNow.AddMinutes(15), 4050, "EUR",
            [new OrderedTicket(tickets[0], 4050)]));

        var live = Assert.Single((await ReadAsync(organizer, eventId)).Tiers);
        Assert.Equal(1, live.Available);
        Assert.Equal([tickets[1]], live.Seats.Select(s => s.Id));
        var shared = Assert.Single((await ReadAsync(buyer, eventId)).Tiers);
        Assert.Equal(before.Tiers.Single().Seats.Select(s => s.Id), shared.Seats.Select(s => s.Id));
        Assert.Equal(2, shared.Available);
    }

    [Fact]
    public async Task Availability_draftOfAnotherOrganizer_returns404()
    {
        await using var platform = new TestPlatform();
        var api = NewApi(platform);
        var (organizer, _) = await api.SignUpAsync();
        var (stranger, _) = await api.SignUpAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var draft = await (await organizer.PostAsJsonAsync("/api/events", new
        {
            title = "Draft", venue = "Hall", startsAt = starts, endsAt = starts.AddHours(2), currency = "EUR",
        })).ReadAsync<EventBody>(HttpStatusCode.Created);

        await (await stranger.GetAsync($"/api/events/{draft.Id}/availability")).DetailAsync(HttpStatusCode.NotFound);
        await (await platform.CreateClient().GetAsync($"/api/events/{draft.Id}/availability")).DetailAsync(HttpStatusCode.NotFound);
        await (await organizer.GetAsync($"/api/events/{draft.Id}/availability")).ExpectAsync(HttpStatusCode.OK);
    }

    private static PlatformApi NewApi(TestPlatform platform) =>
        new(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));

    private static async Task<AvailabilityBody> ReadAsync(HttpClient client, Guid eventId) =>
        await (await client.GetAsync($"/api/events/{eventId}/availability")).ReadAsync<AvailabilityBody>(HttpStatusCode.OK);
}
