using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Ordering.Tickets;

namespace Ticketing.Ordering.Tests;

/// <summary>Catalog's side of the conversation, played by the test, and the API's shapes.</summary>
internal static class OrderingKit
{
    public const string Service = "ordering";
    private static readonly Guid Organizer = Guid.NewGuid();

    public static TicketCreated NewTicket(
        long price = 2500, string currency = "EUR", Guid? eventId = null, string? tier = null, string? seat = null, string title = "Concert") =>
        new(Guid.NewGuid(), 1, title, price, currency, Organizer, eventId, tier, seat, TicketStatuses.Available, null);

    public static TicketUpdated Updated(TicketCreated t, int version, string status = TicketStatuses.Available, long? price = null, Guid? orderId = null) =>
        new(t.TicketId, version, t.Title, price ?? t.PriceMinor, t.Currency, t.OwnerId, t.EventId, t.Tier, t.Seat, status, orderId);

    public static async Task<TicketCreated> SeedTicketAsync(
        this TestPlatform platform, long price = 2500, string currency = "EUR", Guid? eventId = null, string? tier = null, string? seat = null)
    {
        var ticket = NewTicket(price, currency, eventId, tier, seat);
        await platform.DeliverAsync(Service, ticket);
        return ticket;
    }

    /// <summary>Seeds <paramref name="count"/> general-admission units of one tier, a few deliveries at a time.</summary>
    public static async Task SeedUnitsAsync(this TestPlatform platform, Guid eventId, string tier, int count)
    {
        // Start the host first: WebApplicationFactory is not thread-safe on first use and would
        // start one host per racing caller, all on the same databases.
        _ = platform.Services;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => await platform.DeliverAsync(Service, NewTicket(eventId: eventId, tier: tier, seat: $"GA-{i:D4}")));
    }

    public static Task<TicketReplica?> ReplicaAsync(this TestPlatform platform, Guid ticketId) =>
        platform.WithScopeAsync<OrderingDbContext, TicketReplica?>(db => db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.TicketId == ticketId));

    public static async Task<OrderBody> CreateOrderAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/orders", request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<OrderBody>())!;
    }

    public static async Task<OrderBody> GetOrderAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<OrderBody>($"/api/orders/{id}"))!;
}

internal sealed record OrderBody(
    Guid Id, string Status, Guid UserId, DateTime ExpiresAt, int Version, long Total, string Currency, List<OrderTicketBody> Tickets);

internal sealed record OrderTicketBody(Guid Id, string Title, string? Seat, string? Tier, long Price);
