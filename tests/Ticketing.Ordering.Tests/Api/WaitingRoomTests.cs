using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Api;

/// <summary>A platform whose rooms admit one buyer per 100 s: the second in line is reliably not yet admitted.</summary>
public sealed class SlowWaitingRoomPlatform : IAsyncLifetime
{
    public TestPlatform Platform { get; } = new TestPlatform().With("Ordering:WaitingRoom:AdmitPerSecond", "0.01");

    public TestUser First { get; private set; } = null!;

    public TestUser Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await Platform.SignUpAsync();
        Second = await Platform.SignUpAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

public sealed class WaitingRoomTests(SlowWaitingRoomPlatform fixture) : IClassFixture<SlowWaitingRoomPlatform>
{
    private const string Tier = "GA";
    private readonly TestPlatform platform = fixture.Platform;

    [Fact]
    public async Task Order_openRoomWithoutToken_returns403AndHoldsNothing()
    {
        var eventId = await OpenSaleAsync(waitingRoomMinutes: 10);
        using var buyer = platform.CreateClientFor(fixture.First);

        var response = await buyer.PostAsJsonAsync("/api/orders", new { eventId, tier = Tier, quantity = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"/api/waiting-rooms/{eventId}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await HeldAsync(eventId));
    }

    [Fact]
    public async Task Order_seatOfOpenRoomWithoutToken_returns403()
    {
        var eventId = Guid.NewGuid();
        await DeliverPublishedAsync(eventId, DateTimeOffset.UtcNow, 10);
        var seat = await platform.SeedTicketAsync(eventId: eventId, tier: "Floor", seat: "A-1");
        using var buyer = platform.CreateClientFor(fixture.First);

        var response = await buyer.PostAsJsonAsync("/api/orders", new { ticketId = seat.TicketId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await platform.ReplicaAsync(seat.TicketId))!.HeldByOrderId);
    }

    [Fact]
    public async Task Join_twiceAndFromAnotherAccount_keepsOnePlacePerAccountInArrivalOrder()
    {
        var eventId = await OpenSaleAsync(waitingRoomMinutes: 10);
        using var first = platform.CreateClientFor(fixture.First);
        using var second = platform.CreateClientFor(fixture.Second);

        var firstPlace = await JoinAsync(first, eventId);
        var secondPlace = await JoinAsync(second, eventId);
        var again = await JoinAsync(first, eventId);

        Assert.Equal((1, true, 0), (firstPlace.Position, firstPlace.Admitted, firstPlace.NumberInLine));
        Assert.Equal((2, false, 1), (secondPlace.Position, secondPlace.Admitted, secondPlace.NumberInLine));
        Assert.InRange(secondPlace.EstimatedWaitSeconds, 90, 100);
        Assert.Equal((firstPlace.Position, firstPlace.Token), (again.Position, again.Token));
        Assert.Equal(secondPlace.Position, (await second.GetFromJsonAsync<PlaceBody>($"/api/waiting-rooms/{eventId}"))!.Position);
    }

    [Fact]
    public async Task Order_withTokens_admitsWhoseTurnCameAndTellsTheNextWhenToComeBack()
    {
        var eventId = await OpenSaleAsync(waitingRoomMinutes: 10);
        using var first = platform.CreateClientFor(fixture.First);
        using var second = platform.CreateClientFor(fixture.Second);
        var firstPlace = await JoinAsync(first, eventId);
        var secondPlace = await JoinAsync(second, eventId);

        var early = await OrderAsync(second, eventId, secondPlace.Token);
        var admitted = await OrderAsync(first, eventId, firstPlace.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.InRange(early.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 90, 100);
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        Assert.Equal(1, await HeldAsync(eventId));
    }

    [Fact]
    public async Task Order_tokenOfAnotherAccountOrAltered_returns403AndMalformed400()
    {
        var eventId = await OpenSaleAsync(waitingRoomMinutes: 10);
        using var first = platform.CreateClientFor(fixture.First);
        using var second = platform.CreateClientFor(fixture.Second);
        var firstPlace = await JoinAsync(first, eventId);
        var secondPlace = await JoinAsync(second, eventId);
        var parts = secondPlace.Token.Split('.');
        parts[2] = "1";
        parts[3] = parts[3][..^3] + "000";

        Assert.Equal(HttpStatusCode.Forbidden, (await OrderAsync(second, eventId, firstPlace.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await OrderAsync(second, eventId, string.Join('.', parts))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OrderAsync(second, eventId, "not-a-token")).StatusCode);
        Assert.Equal(0, await HeldAsync(eventId));
    }

    [Fact]
    public async Task Join_roomClosedOrNone_returns404AndOrdersNeedNoToken()
    {
        var closed = Guid.NewGuid();
        await DeliverPublishedAsync(closed, DateTimeOffset.UtcNow.AddMinutes(-20), 10);
        await platform.SeedUnitsAsync(closed, Tier, 2);
        var without = await OpenSaleAsync(waitingRoomMinutes: 0);
        using var buyer = platform.CreateClientFor(fixture.First);

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/waiting-rooms/{closed}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/waiting-rooms/{without}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await buyer.PostAsJsonAsync("/api/orders", new { eventId = closed, tier = Tier, quantity = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await buyer.PostAsJsonAsync("/api/orders", new { eventId = without, tier = Tier, quantity = 1 })).StatusCode);
    }

    [Fact]
    public async Task Get_noPlaceYet_returns404()
    {
        var eventId = await OpenSaleAsync(waitingRoomMinutes: 10);
        using var buyer = platform.CreateClientFor(fixture.First);

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync($"/api/waiting-rooms/{eventId}")).StatusCode);
    }

    private async Task<Guid> OpenSaleAsync(int waitingRoomMinutes)
    {
        var eventId = Guid.NewGuid();
        await DeliverPublishedAsync(eventId, DateTimeOffset.UtcNow, waitingRoomMinutes);
        await platform.SeedUnitsAsync(eventId, Tier, 3);
        return eventId;
    }

    private Task DeliverPublishedAsync(Guid eventId, DateTimeOffset publishedAt, int minutes) =>
        platform.DeliverAsync(OrderingKit.Service, new EventPublished(eventId, 2, Guid.NewGuid(), publishedAt, minutes));

    private static async Task<PlaceBody> JoinAsync(HttpClient client, Guid eventId)
    {
        var response = await client.PostAsync($"/api/waiting-rooms/{eventId}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PlaceBody>())!;
    }

    private static Task<HttpResponseMessage> OrderAsync(HttpClient client, Guid eventId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { eventId, tier = Tier, quantity = 1 }) };
        request.Headers.TryAddWithoutValidation("Queue-Token", token);
        return client.SendAsync(request);
    }

    private Task<int> HeldAsync(Guid eventId) =>
        platform.WithScopeAsync<OrderingDbContext, int>(db => db.Tickets.CountAsync(t => t.EventId == eventId && t.HeldByOrderId != null));
}

internal sealed record PlaceBody(
    Guid EventId, int Position, int NumberInLine, bool Admitted, DateTime AdmitAt, int EstimatedWaitSeconds, DateTime ClosesAt, string Token);
