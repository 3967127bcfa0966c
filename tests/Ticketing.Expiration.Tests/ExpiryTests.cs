using System.Net;
using System.Net.Http.Json;
using Ticketing.Ordering.Domain;

namespace Ticketing.Expiration.Tests;

/// <summary>Ordering and Expiration together: a hold that runs out is cancelled and its tickets go back on sale.</summary>
public sealed class ExpiryTests
{
    private const string RestartHold = "00:00:06";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Expire_twoSecondHold_cancelsAndReleasesAfterExpiresAt()
    {
        await using var platform = new TestPlatform().With("Ordering:HoldDuration", ExpirationKit.TwoSeconds);
        var ticketId = await platform.SeedTicketAsync();
        using var buyer = platform.CreateClientFor(await platform.SignUpAsync());
        using var next = platform.CreateClientFor(await platform.SignUpAsync());
        var order = await CreateOrderAsync(buyer, ticketId);

        // On sale again = another buyer can take it. The 2-second target for that lag is measured by
        // the benchmark (expiry lag percentiles), not asserted here: a loaded CI machine is no clock.
        Assert.True(await ExpirationKit.EventuallyAsync(async () => await platform.HolderAsync(ticketId) is null, Patience));
        var late = DateTime.UtcNow - order.ExpiresAt;

        Assert.True(late >= TimeSpan.Zero, $"released {-late} before expiresAt");
        await ExpirationKit.AssertExpiredAsync(platform, order.Id, ticketId);
        Assert.Equal(HttpStatusCode.Created, (await next.PostAsJsonAsync("/api/orders", new { ticketId })).StatusCode);
    }

    [Fact]
    public async Task Expire_processRestartedWhileTimerPending_stillCancels()
    {
        await using var storage = new TestStorage();
        Guid ticketId;
        OrderResponse order;
        // Long enough for the first process to stop before it fires, even on a busy machine.
        await using (var before = new TestPlatform(storage).With("Ordering:HoldDuration", RestartHold))
        {
            ticketId = await before.SeedTicketAsync();
            using var buyer = before.CreateClientFor(await before.SignUpAsync());
            order = await CreateOrderAsync(buyer, ticketId);
            Assert.True(await ExpirationKit.EventuallyAsync(() => before.HasTimerAsync(order.Id), Patience));
            Assert.True(await before.HasPendingTimerAsync(order.Id), "the timer fired before the restart; the test proves nothing");
        }

        await using var after = new TestPlatform(storage).With("Ordering:HoldDuration", RestartHold);

        Assert.True(await ExpirationKit.EventuallyAsync(async () => (await after.OrderAsync(order.Id)).Status == OrderStatuses.Cancelled, Patience));
        Assert.True(DateTime.UtcNow >= order.ExpiresAt);
        await ExpirationKit.AssertExpiredAsync(after, order.Id, ticketId);
    }

    [Fact]
    public async Task Expire_separateProcessesOnPostgresAndRabbitMq_expirationRestarted_stillCancels()
    {
        await using var storage = new TestStorage(TestProvider.PostgreSql, rabbitMq: true);
        await using var ordering = new TestPlatform(storage, ["identity", "ordering"]).With("Ordering:HoldDuration", RestartHold);
        var expiration = new TestPlatform(storage, ["expiration"]);
        try
        {
            _ = expiration.Services; // starts it, which declares its queue
            var ticketId = await ordering.SeedTicketAsync();
            using var buyer = ordering.CreateClientFor(await ordering.SignUpAsync());
            var order = await CreateOrderAsync(buyer, ticketId);
            Assert.True(await ExpirationKit.EventuallyAsync(() => expiration.HasTimerAsync(order.Id), Patience));
            Assert.True(await expiration.HasPendingTimerAsync(order.Id), "the timer fired before the restart; the test proves nothing");

            await expiration.DisposeAsync();
            expiration = new TestPlatform(storage, ["expiration"]);
            _ = expiration.Services;

            Assert.True(await ExpirationKit.EventuallyAsync(async () => (await ordering.OrderAsync(order.Id)).Status == OrderStatuses.Cancelled, Patience));
            await ExpirationKit.AssertExpiredAsync(ordering, order.Id, ticketId);
        }
        finally
        {
            await expiration.DisposeAsync();
        }
    }

    private static async Task<OrderResponse> CreateOrderAsync(HttpClient buyer, Guid ticketId)
    {
        var response = await buyer.PostAsJsonAsync("/api/orders", new { ticketId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderResponse>())!;
    }

    private sealed record OrderResponse(Guid Id, string Status, DateTime ExpiresAt);
}
