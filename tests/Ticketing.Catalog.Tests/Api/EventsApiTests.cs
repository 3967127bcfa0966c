using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

public sealed class EventsApiTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Create_signedIn_returns201Draft()
    {
        var (client, user) = await SignedInAsync();

        var show = await (await client.PostAsJsonAsync("/api/events", NewEvent("Jazz night"))).ReadAsync<EventBody>(HttpStatusCode.Created);

        Assert.Equal(("draft", user.Id, 1, "EUR"), (show.Status, show.OrganizerId, show.Version, show.Currency));
        Assert.Empty(show.Tiers);
    }

    [Fact]
    public async Task Create_invalidFields_listsEachOne()
    {
        var (client, _) = await SignedInAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(3);

        var response = await client.PostAsJsonAsync("/api/events", new
        {
            title = "",
            venue = "Hall",
            startsAt = starts,
            endsAt = starts.AddHours(-1),
            currency = "EURO",
        });

        Assert.Equal(["currency", "endsAt", "title"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Get_draftByOtherUser_returns404AndIsNotListed()
    {
        var (organizer, _) = await SignedInAsync();
        var (other, _) = await SignedInAsync();
        var title = $"Secret {Guid.NewGuid():N}";
        var show = await CreateEventAsync(organizer, title);

        await (await other.GetAsync($"/api/events/{show.Id}")).DetailAsync(HttpStatusCode.NotFound);
        await (await organizer.GetAsync($"/api/events/{show.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await other.GetFromJsonAsync<List<EventBody>>($"/api/events?q={title}"))!);
        Assert.Single((await organizer.GetFromJsonAsync<List<EventBody>>("/api/events?mine=true"))!, e => e.Id == show.Id);
    }

    [Fact]
    public async Task Publish_draftWithTickets_listsItWithLiveTiers()
    {
        var (organizer, _) = await SignedInAsync();
        var title = $"Rock {Guid.NewGuid():N}";
        var show = await CreateEventAsync(organizer, title);
        await GenerateAsync(organizer, show.Id, new { tier = "Floor", price = 80, section = "Floor", rows = new[] { "A", "B" }, seatsPerRow = 10 });
        await GenerateAsync(organizer, show.Id, new { tier = "GA", price = 45.5, quantity = 30 });
        Assert.Empty((await _platform.CreateClient().GetFromJsonAsync<List<TicketBody>>($"/api/tickets?eventId={show.Id}"))!);

        var published = await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ReadAsync<EventBody>(HttpStatusCode.OK);

        Assert.Equal("published", published.Status);
        Assert.Equal([new TierBody("GA", 45.5m, 45.5m, 30, 30), new TierBody("Floor", 80m, 80m, 20, 20)], published.Tiers);
        var listed = (await _platform.CreateClient().GetFromJsonAsync<List<EventBody>>($"/api/events?q={title.ToUpperInvariant()}"))!;
        Assert.Equal(published.Tiers, Assert.Single(listed).Tiers);
        var onSale = (await _platform.CreateClient().GetFromJsonAsync<List<TicketBody>>($"/api/tickets?eventId={show.Id}&pageSize=200"))!;
        Assert.Equal(50, onSale.Count);
        Assert.Contains(onSale, t => t.Seat == "Floor B-10" && t.Tier == "Floor" && t.Price == 80m);
    }

    [Fact]
    public async Task Update_byOtherUser_returns403()
    {
        var (organizer, _) = await SignedInAsync();
        var (other, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Mine");
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);

        await (await other.PutAsJsonAsync($"/api/events/{show.Id}", NewEvent("Hijacked"))).DetailAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/events/{show.Id}/cancel", null)).DetailAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "GA", price = 1, quantity = 1 })).DetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Update_byOrganizer_changesDetailsAndVersion()
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Before");

        var updated = await (await organizer.PutAsJsonAsync($"/api/events/{show.Id}", NewEvent("After"))).ReadAsync<EventBody>(HttpStatusCode.OK);

        Assert.Equal(("After", 2), (updated.Title, updated.Version));
    }

    [Fact]
    public async Task Update_unknownEvent_returns404()
    {
        var (organizer, _) = await SignedInAsync();

        await (await organizer.PutAsJsonAsync($"/api/events/{Guid.NewGuid()}", NewEvent("x"))).DetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_publishedEvent_withdrawsTicketsAndPublishesEvents()
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Doomed");
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        await GenerateAsync(organizer, show.Id, new { tier = "GA", price = 10, quantity = 5 });

        var cancelled = await (await organizer.PostAsync($"/api/events/{show.Id}/cancel", null)).ReadAsync<EventBody>(HttpStatusCode.OK);
        await (await organizer.PostAsync($"/api/events/{show.Id}/cancel", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("cancelled", 0), (cancelled.Status, cancelled.Tiers.Single().Available));
        Assert.Empty((await _platform.CreateClient().GetFromJsonAsync<List<TicketBody>>($"/api/tickets?eventId={show.Id}"))!);
        var cancelEvents = await _platform.WithScopeAsync<CatalogDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.EventType == nameof(EventCancelled) && m.Payload.Contains(show.Id.ToString())));
        var withdrawn = (await _platform.OfEventAsync(show.Id)).Count(t => t.Status == TicketStatuses.Withdrawn);
        Assert.Equal((1, 5), (cancelEvents, withdrawn));
    }

    [Fact]
    public async Task Generate_forCancelledEvent_returns409()
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Gone");
        await (await organizer.PostAsync($"/api/events/{show.Id}/cancel", null)).ExpectAsync(HttpStatusCode.OK);

        var response = await organizer.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "GA", price = 10, quantity = 5 });

        Assert.Equal("The event is cancelled.", await response.DetailAsync(HttpStatusCode.Conflict));
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).DetailAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Generate_sameSeatsTwice_returns409AndKeepsOneOfEach()
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Seated");
        var block = new { tier = "Stalls", price = 30, rows = new[] { "A" }, seatsPerRow = 5 };
        await GenerateAsync(organizer, show.Id, block);

        var again = await organizer.PostAsJsonAsync($"/api/events/{show.Id}/tickets", block);

        Assert.Contains("A-1", await again.DetailAsync(HttpStatusCode.Conflict));
        var current = await (await organizer.GetAsync($"/api/events/{show.Id}")).ReadAsync<EventBody>(HttpStatusCode.OK);
        Assert.Equal(5, current.Tiers.Single().Capacity);
    }

    [Theory]
    [InlineData("""{ "tier": "GA", "price": 10, "quantity": 20001 }""", "quantity")]
    [InlineData("""{ "tier": "GA", "price": 10, "quantity": 5, "rows": ["A"], "seatsPerRow": 2 }""", "quantity")]
    [InlineData("""{ "tier": "GA", "price": 10 }""", "quantity")]
    [InlineData("""{ "tier": "", "price": 10.001, "quantity": 5 }""", "price,tier")]
    [InlineData("""{ "tier": "S", "price": 10, "rows": ["A", "A"], "seatsPerRow": 2 }""", "rows")]
    [InlineData("""{ "tier": "S", "price": 10, "rows": ["A", "B"], "seatsPerRow": 10001 }""", "seatsPerRow")]
    public async Task Generate_invalidRequest_returns400NamingFields(string body, string fields)
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Validation");

        var response = await organizer.PostAsync($"/api/events/{show.Id}/tickets", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(fields.Split(','), await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Generate_tenThousandTicketsForPublishedEvent_createsAndAnnouncesEachInBlocks()
    {
        // How fast this is belongs to the benchmarks (bench/), not to an assertion on a shared machine.
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Stadium");
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);

        var result = await GenerateAsync(organizer, show.Id, new { tier = "GA", price = 25, quantity = 10_000 });

        Assert.Equal(10_000, result.Created);
        var (tickets, blocks) = await TicketsAndBlocksAsync(show.Id);
        var announced = await _platform.OfEventAsync(show.Id);
        Assert.Equal((10_000, 10), (tickets, blocks));
        Assert.Equal(10_000, announced.Where(t => t.Status == TicketStatuses.Available).Select(t => t.TicketId).Distinct().Count());
    }

    [Fact]
    public async Task Generate_forDraft_announcesNothingUntilThePublishAnnouncesThemOnSale()
    {
        var (organizer, _) = await SignedInAsync();
        var show = await CreateEventAsync(organizer, "Draft stadium");

        await GenerateAsync(organizer, show.Id, new { tier = "GA", price = 25, quantity = 2_500 });
        var beforePublish = await TicketsAndBlocksAsync(show.Id);
        await (await organizer.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((2_500, 0), beforePublish);
        var announced = await _platform.OfEventAsync(show.Id);
        Assert.Equal((2_500, 2_500), (announced.Count, announced.Count(t => t is { Status: TicketStatuses.Available, Version: 2 })));
    }

    private Task<(int Tickets, int Blocks)> TicketsAndBlocksAsync(Guid eventId) =>
        _platform.WithScopeAsync<CatalogDbContext, (int, int)>(async db =>
            (await db.Tickets.CountAsync(t => t.EventId == eventId),
             await db.OutboxMessages.CountAsync(m => m.EventType == nameof(TicketsChanged) && m.Payload.Contains(eventId.ToString()))));

    private static object NewEvent(string title)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(30);
        return new { title, description = "An evening", venue = "Main Hall", startsAt = starts, endsAt = starts.AddHours(3), currency = "EUR" };
    }

    private static async Task<EventBody> CreateEventAsync(HttpClient client, string title) =>
        await (await client.PostAsJsonAsync("/api/events", NewEvent(title))).ReadAsync<EventBody>(HttpStatusCode.Created);

    private static async Task<GenerateBody> GenerateAsync(HttpClient client, Guid eventId, object body) =>
        await (await client.PostAsJsonAsync($"/api/events/{eventId}/tickets", body)).ReadAsync<GenerateBody>(HttpStatusCode.Created);

    private async Task<(HttpClient Client, TestUser User)> SignedInAsync()
    {
        var user = await _platform.SignUpAsync();
        return (_platform.CreateClientFor(user), user);
    }
}
