using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Tests.Api;

/// <summary>
/// Stampedes against the real database of each provider. Sign-up hashes passwords slowly on
/// purpose, so 20 signed-up buyers share the load: each sends many requests at once, which is
/// the same contention for the database as that many separate buyers.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Buyers = 20;

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Create_200ConcurrentRequestsForOneTicket_exactlyOneSucceeds(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var ticket = await platform.SeedTicketAsync();
        var clients = await BuyersAsync(platform);

        var statuses = await StampedeAsync(200, i => clients[i % Buyers].PostAsJsonAsync("/api/orders", new { ticketId = ticket.TicketId }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(199, statuses.Count(s => s == HttpStatusCode.Conflict));
        var (orders, heldBy) = await platform.WithScopeAsync<OrderingDbContext, (List<Order>, Guid?)>(async db => (
            await db.Orders.AsNoTracking().ToListAsync(),
            (await db.Tickets.AsNoTracking().SingleAsync(t => t.TicketId == ticket.TicketId)).HeldByOrderId));
        Assert.Equal(Assert.Single(orders).Id, heldBy);
        DisposeAll(clients);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Create_500ConcurrentGeneralAdmissionOrders_neverOversellOrShareAUnit(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var eventId = Guid.NewGuid();
        await platform.SeedUnitsAsync(eventId, "floor", 1000);
        var clients = await BuyersAsync(platform);

        // Quantities 1-4 cycle: 1,250 units asked for 1,000.
        var statuses = await StampedeAsync(500, i =>
            clients[i % Buyers].PostAsJsonAsync("/api/orders", new { eventId, tier = "floor", quantity = 1 + (i % 4) }));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        var (liveLines, held) = await platform.WithScopeAsync<OrderingDbContext, (List<(Guid Order, Guid Ticket)>, List<(Guid Order, Guid Ticket)>)>(async db => (
            (await db.Orders.AsNoTracking().Where(o => o.Status != OrderStatuses.Cancelled).SelectMany(o => o.Tickets).ToListAsync())
                .Select(t => (t.OrderId, t.TicketId)).ToList(),
            (await db.Tickets.AsNoTracking().Where(t => t.HeldByOrderId != null).ToListAsync())
                .Select(t => (t.HeldByOrderId!.Value, t.TicketId)).ToList()));
        Assert.True(statuses.Count(s => s == HttpStatusCode.Created) > 0);
        Assert.InRange(liveLines.Count, 1, 1000);
        Assert.Equal(liveLines.Count, liveLines.Select(l => l.Ticket).Distinct().Count());
        Assert.Equal(liveLines.OrderBy(l => l.Ticket).ToList(), held.OrderBy(h => h.Ticket).ToList());
        DisposeAll(clients);
    }

    private static async Task<List<HttpClient>> BuyersAsync(TestPlatform platform)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < Buyers; i++)
        {
            clients.Add(platform.CreateClientFor(await platform.SignUpAsync()));
        }

        return clients;
    }

    /// <summary>Starts every request at once, behind one gate, and collects the status codes.</summary>
    private static async Task<HttpStatusCode[]> StampedeAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            using var response = await send(i);
            return response.StatusCode;
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(requests);
    }

    private static void DisposeAll(List<HttpClient> clients) => clients.ForEach(c => c.Dispose());
}
