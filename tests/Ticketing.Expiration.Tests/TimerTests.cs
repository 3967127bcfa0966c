using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Contracts;
using Ticketing.Expiration.Timers;

namespace Ticketing.Expiration.Tests;

public sealed class TimerTests
{
    private static OrderCreated Created(DateTimeOffset expiresAt) =>
        new(Guid.NewGuid(), 1, Guid.NewGuid(), expiresAt, 2500, "EUR", [new OrderedTicket(Guid.NewGuid(), 2500)]);

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task FireDue_manyConcurrentPollers_fireEachTimerOnce(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var orders = Enumerable.Range(0, 40).Select(_ => Created(dueAt)).ToList();
        foreach (var order in orders)
        {
            await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        }

        // Six pollers besides the platform's own, as several Expiration instances would be,
        // polling in small batches until every timer has fired.
        var worker = platform.Services.GetRequiredService<TimerWorker>();
        var pollers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await PendingAsync(platform) > 0)
            {
                await worker.FireDueAsync(5, CancellationToken.None);
            }
        }));
        await Task.WhenAll(pollers);

        var fired = await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>();
        Assert.Equal(orders.Select(o => o.OrderId).Order(), fired.Select(e => e.OrderId).Order());
    }

    private static Task<int> PendingAsync(TestPlatform platform) =>
        platform.WithScopeAsync<ExpirationDbContext, int>(db => db.Timers.CountAsync(t => t.FiredAt == null));

    [Fact]
    public async Task OrderCreated_redeliveredBeforeAndAfterFiring_firesOnce()
    {
        await using var platform = new TestPlatform();
        var order = Created(DateTimeOffset.UtcNow.AddMilliseconds(300));

        await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        Assert.True(await ExpirationKit.EventuallyAsync(
            async () => (await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>()).Count > 0, TimeSpan.FromSeconds(20)));
        await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        await platform.DeliverAsync(ExpirationModule.ServiceName, order with { Id = Guid.NewGuid() });
        await Task.Delay(1000);

        Assert.Single(await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>(), e => e.OrderId == order.OrderId);
        var timer = await platform.WithScopeAsync<ExpirationDbContext, ExpirationTimer>(db => db.Timers.AsNoTracking().SingleAsync());
        Assert.Equal((order.OrderId, order.ExpiresAt.UtcDateTime), (timer.OrderId, timer.DueAt));
        Assert.NotNull(timer.FiredAt);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task OrderCompleted_beforeTheHoldEnds_timerNeverFiresAndARepeatIsANoOp(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var order = Created(DateTimeOffset.UtcNow.AddMilliseconds(500));
        var completed = new OrderCompleted(order.OrderId, 2, order.UserId, order.TotalMinor, order.Currency, [order.Tickets[0].TicketId]);

        await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        await platform.DeliverAsync(ExpirationModule.ServiceName, completed);
        var stampedAt = await platform.WithScopeAsync<ExpirationDbContext, DateTime?>(db => db.Timers.Select(t => t.FiredAt).SingleAsync());
        await platform.DeliverAsync(ExpirationModule.ServiceName, completed with { Id = Guid.NewGuid() });
        await Task.Delay(2500);

        Assert.NotNull(stampedAt);
        Assert.Equal(stampedAt, await platform.WithScopeAsync<ExpirationDbContext, DateTime?>(db => db.Timers.Select(t => t.FiredAt).SingleAsync()));
        Assert.Empty(await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>());
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task OrderHoldExtended_afterTheFirstDeadlineFired_firesAgainAtTheNewOneAndARepeatIsANoOp(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var order = Created(DateTimeOffset.UtcNow.AddMilliseconds(200));
        await platform.DeliverAsync(ExpirationModule.ServiceName, order);
        Assert.True(await ExpirationKit.EventuallyAsync(async () => !await ExpirationKit.HasPendingTimerAsync(platform, order.OrderId), TimeSpan.FromSeconds(20)));
        var extended = new OrderHoldExtended(order.OrderId, 2, order.UserId, DateTimeOffset.UtcNow.AddMilliseconds(800));

        await platform.DeliverAsync(ExpirationModule.ServiceName, extended);
        await platform.DeliverAsync(ExpirationModule.ServiceName, extended with { Id = Guid.NewGuid() });
        Assert.True(await ExpirationKit.EventuallyAsync(
            async () => (await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>()).Count(e => e.OrderId == order.OrderId) >= 2, TimeSpan.FromSeconds(20)));
        await platform.DeliverAsync(ExpirationModule.ServiceName, extended with { Id = Guid.NewGuid() });
        await Task.Delay(1500);

        var fired = (await platform.PublishedAsync<ExpirationDbContext, ExpirationComplete>()).Where(e => e.OrderId == order.OrderId).ToList();
        Assert.Equal(2, fired.Count);
        Assert.Equal(
            [order.ExpiresAt.UtcDateTime, extended.ExpiresAt.UtcDateTime],
            fired.Select(e => e.DueAt!.Value.UtcDateTime).Order(),
            new ToTheMillisecond());
    }

    [Fact]
    public async Task OrderHoldExtended_beforeItsOrderCreated_createsTheTimerAtTheExtendedDeadline()
    {
        await using var platform = new TestPlatform();
        var order = Created(DateTimeOffset.UtcNow.AddMinutes(1));
        var extended = new OrderHoldExtended(order.OrderId, 2, order.UserId, DateTimeOffset.UtcNow.AddMinutes(5));

        await platform.DeliverAsync(ExpirationModule.ServiceName, extended);
        await platform.DeliverAsync(ExpirationModule.ServiceName, order);

        var timer = await platform.WithScopeAsync<ExpirationDbContext, ExpirationTimer>(db => db.Timers.AsNoTracking().SingleAsync(t => t.OrderId == order.OrderId));
        Assert.Equal(extended.ExpiresAt.UtcDateTime, timer.DueAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(timer.FiredAt);
    }

    /// <summary>PostgreSQL keeps timestamps to the microsecond.</summary>
    private sealed class ToTheMillisecond : IEqualityComparer<DateTime>
    {
        public bool Equals(DateTime x, DateTime y) => Math.Abs((x - y).TotalMilliseconds) < 1;

        public int GetHashCode(DateTime obj) => 0;
    }
}
