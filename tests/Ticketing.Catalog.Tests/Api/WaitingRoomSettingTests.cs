using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

public sealed class WaitingRoomSettingTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Publish_withWaitingRoom_announcesTheRoomBeforeTheTicketsGoOnSale()
    {
        using var organizer = _platform.CreateClientFor(await _platform.SignUpAsync());
        var show = await (await organizer.PostAsJsonAsync("/api/events", NewEvent(waitingRoomMinutes: 15))).ReadAsync<EventBody>(HttpStatusCode.Created);
        await (await organizer.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "GA", price = 20, quantity = 3 })).ExpectAsync(HttpStatusCode.Created);

        var published = await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ReadAsync<EventBody>(HttpStatusCode.OK);

        Assert.Equal((15, null), (show.WaitingRoomMinutes, show.WaitingRoomClosesAt));
        Assert.Equal(15, published.WaitingRoomMinutes);
        Assert.InRange(published.WaitingRoomClosesAt!.Value, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(15));
        var announced = Assert.Single(await _platform.PublishedAsync<CatalogDbContext, EventPublished>(), e => e.EventId == show.Id);
        Assert.Equal(15, announced.WaitingRoomMinutes);
        Assert.Equal(published.WaitingRoomClosesAt.Value, announced.PublishedAt.UtcDateTime.AddMinutes(15), TimeSpan.FromMilliseconds(1));
        var (roomAt, firstOnSaleAt) = await _platform.WithScopeAsync<CatalogDbContext, (long, long)>(async db =>
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(show.Id.ToString())).ToListAsync();
            return (rows.Single(m => m.EventType == nameof(EventPublished)).Sequence,
                rows.Where(m => m.EventType == nameof(TicketsChanged) && m.Payload.Contains("\"available\"")).Min(m => m.Sequence));
        });
        Assert.True(roomAt < firstOnSaleAt, "EventPublished must reach Ordering before the tickets it puts on sale");
    }

    [Fact]
    public async Task Update_publishedEventsWaitingRoom_returns409ButOtherEditsKeepIt()
    {
        using var organizer = _platform.CreateClientFor(await _platform.SignUpAsync());
        var show = await (await organizer.PostAsJsonAsync("/api/events", NewEvent(waitingRoomMinutes: 5))).ReadAsync<EventBody>(HttpStatusCode.Created);
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);

        var changed = await organizer.PutAsJsonAsync($"/api/events/{show.Id}", NewEvent(waitingRoomMinutes: 30));
        var renamed = await (await organizer.PutAsJsonAsync($"/api/events/{show.Id}", NewEvent(waitingRoomMinutes: null) with { Title = "Renamed" }))
            .ReadAsync<EventBody>(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(("Renamed", 5), (renamed.Title, renamed.WaitingRoomMinutes));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1441)]
    public async Task Create_waitingRoomOutOfRange_returns400NamingTheField(int minutes)
    {
        using var organizer = _platform.CreateClientFor(await _platform.SignUpAsync());

        var response = await organizer.PostAsJsonAsync("/api/events", NewEvent(minutes));

        Assert.Equal(["waitingRoomMinutes"], await response.ErrorFieldsAsync());
    }

    private static EventJson NewEvent(int? waitingRoomMinutes)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(30);
        return new EventJson("On-sale night", "", "Arena", starts, starts.AddHours(3), "EUR", waitingRoomMinutes);
    }

    private sealed record EventJson(
        string Title, string Description, string Venue, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Currency, int? WaitingRoomMinutes);
}
