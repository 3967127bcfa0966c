using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Catalog.Tests.Api;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Passes;

public sealed record PassBody(
    Guid Id, Guid TicketId, Guid? EventId, Guid OrderId, string Title, string? Venue, DateTime? StartsAt, string? Tier, string? Seat,
    int Serial, string Status, DateTime? CheckedInAt, DateTime IssuedAt, string Code);

public sealed record CheckInBody(Guid TicketId, Guid PassId, Guid? EventId, string Title, string? Seat, string? Tier, string? Holder, Guid HolderId, DateTime CheckedInAt);

public sealed record StaffBody(Guid UserId, string? Email, DateTime AddedAt);

public sealed record TierAdmissionsBody(string Tier, int Issued, int Admitted);

public sealed record SummaryBody(Guid EventId, int Issued, int Admitted, List<TierAdmissionsBody> Tiers);

/// <summary>A published event with seats and GA, users known to Catalog's directory, and purchases delivered as OrderCompleted.</summary>
internal sealed class PassScenario(TestPlatform platform)
{
    public TestUser Organizer { get; private set; } = null!;

    public HttpClient OrganizerClient { get; private set; } = null!;

    public Guid EventId { get; private set; }

    public List<TicketBody> Tickets { get; private set; } = [];

    public static async Task<PassScenario> PublishedAsync(TestPlatform platform, int seats = 4, int general = 4)
    {
        var scenario = new PassScenario(platform);
        scenario.Organizer = await scenario.UserAsync();
        scenario.OrganizerClient = platform.CreateClientFor(scenario.Organizer);
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var show = await (await scenario.OrganizerClient.PostAsJsonAsync("/api/events",
                new { title = "Gate night", venue = "Arena", startsAt = starts, endsAt = starts.AddHours(3), currency = "EUR" }))
            .ReadAsync<EventBody>(HttpStatusCode.Created);
        scenario.EventId = show.Id;
        await (await scenario.OrganizerClient.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "Floor", price = 80, rows = new[] { "A" }, seatsPerRow = seats }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await scenario.OrganizerClient.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = "GA", price = 40, quantity = general }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await scenario.OrganizerClient.PostAsync($"/api/events/{show.Id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        scenario.Tickets = (await scenario.OrganizerClient.GetFromJsonAsync<List<TicketBody>>($"/api/tickets?eventId={show.Id}&pageSize=200"))!
            .OrderBy(t => t.Seat ?? "~").ThenBy(t => t.Id).ToList();
        return scenario;
    }

    /// <summary>Signs up a user and waits until Catalog has learnt of them from UserRegistered.</summary>
    public async Task<TestUser> UserAsync()
    {
        var user = await platform.SignUpAsync();
        Assert.True(await Eventually.TrueAsync(() =>
            platform.WithScopeAsync<CatalogDbContext, bool>(db => db.Users.AnyAsync(u => u.Id == user.Id))), "UserRegistered never reached Catalog");
        return user;
    }

    /// <summary>The buyer's order completes (as Ordering would announce it); returns the buyer's passes for those tickets.</summary>
    public async Task<List<PassBody>> BuyAsync(TestUser buyer, params TicketBody[] tickets)
    {
        await platform.DeliverAsync(CatalogModule.ServiceName,
            new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, tickets.Sum(t => 4000L), "EUR", tickets.Select(t => t.Id).ToList()));
        var mine = (await platform.CreateClientFor(buyer).GetFromJsonAsync<List<PassBody>>("/api/passes"))!;
        return tickets.Select(t => mine.Single(p => p.TicketId == t.Id)).ToList();
    }

    public async Task<(TestUser User, HttpClient Client)> StaffAsync()
    {
        var staff = await UserAsync();
        await (await OrganizerClient.PostAsJsonAsync($"/api/events/{EventId}/staff", new { email = staff.Email })).ExpectAsync(HttpStatusCode.Accepted);
        return (staff, platform.CreateClientFor(staff));
    }

    public static Task<HttpResponseMessage> ScanAsync(HttpClient gate, string code) =>
        gate.PostAsJsonAsync("/api/checkins", new { code });
}
