using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class RetentionTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Sweep_rowsPastRetention_deletesOnlyPublishedOutboxAndOldInboxRows(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        var now = DateTime.UtcNow;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.OutboxMessages.AddRange(
                Outbox("published-long-ago", now.AddDays(-9), publishedAt: now.AddDays(-8)),
                Outbox("published-yesterday", now.AddDays(-1), publishedAt: now.AddDays(-1)),
                Outbox("never-published", now.AddDays(-60), publishedAt: null));
            db.InboxMessages.AddRange(
                new InboxMessage { EventId = Guid.NewGuid(), Handler = "old", ProcessedAt = now.AddDays(-31) },
                new InboxMessage { EventId = Guid.NewGuid(), Handler = "recent", ProcessedAt = now.AddDays(-29) });
            await db.SaveChangesAsync();
        }

        var removed = await host.Services.GetRequiredService<MessagingRetention<ProbeDbContext>>().SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), removed);
        var outbox = await ProbeEnvironment.QueryAsync(host, db => db.OutboxMessages.Select(m => m.EventType).OrderBy(t => t).ToListAsync());
        Assert.Equal(["never-published", "published-yesterday"], outbox);
        var inbox = await ProbeEnvironment.QueryAsync(host, db => db.InboxMessages.Select(m => m.Handler).ToListAsync());
        Assert.Equal(["recent"], inbox);
    }

    private static OutboxMessage Outbox(string type, DateTime occurredAt, DateTime? publishedAt) => new()
    {
        EventId = Guid.NewGuid(),
        EventType = type,
        Payload = "{}",
        OccurredAt = occurredAt,
        PublishedAt = publishedAt,
    };
}
