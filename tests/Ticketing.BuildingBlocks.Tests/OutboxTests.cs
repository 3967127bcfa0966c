using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class OutboxTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite, false)]
    [InlineData(TestProvider.PostgreSql, true)]
    public async Task Relay_eventCommittedThenProcessDiedBeforeRelay_isPublishedOnceAfterRestart(TestProvider provider, bool rabbitMq)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq);

        // The "crashed" process: commits the change and its event, and never runs a relay.
        using (var crashed = await environment.BuildAsync())
        {
            await using var scope = crashed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.Counters.Add(new ProbeCounter { Key = "state", Count = 1 });
            db.Publish(new ProbeHappened("after-crash"));
            await db.SaveChangesAsync();
        }

        using (var restarted = await environment.BuildAsync())
        {
            await restarted.StartAsync();
            Assert.True(await Eventually.TrueAsync(async () => await ProbeEnvironment.CountOfAsync(restarted, "after-crash") == 1));
            await restarted.StopAsync();
        }

        using var again = await environment.BuildAsync();
        await again.StartAsync();
        await Task.Delay(500);
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(again, "after-crash"));
        Assert.Equal(0, await ProbeEnvironment.QueryAsync(again, db => db.OutboxMessages.CountAsync(m => m.PublishedAt == null)));
        await again.StopAsync();
    }

    [Fact]
    public async Task Relays_twoOnOnePostgresDatabase_publishEachRowOnce()
    {
        const int events = 300;
        await using var environment = new ProbeEnvironment(TestProvider.PostgreSql, rabbitMq: true);
        using var first = await environment.BuildAsync(consume: false);
        using var second = await environment.BuildAsync(consume: false);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            for (var i = 0; i < events; i++)
            {
                db.Publish(new ProbeHappened($"row-{i}"));
            }

            await db.SaveChangesAsync();
        }

        await using var connection = await RabbitMqAdmin.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var capture = $"{environment.Prefix}.capture";
        await channel.ExchangeDeclareAsync($"{environment.Prefix}.events", ExchangeType.Topic, durable: true);
        await channel.QueueDeclareAsync(capture, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(capture, $"{environment.Prefix}.events", "#");

        // Small batches so the two relays interleave and contend for the same rows.
        static async Task DrainAsync(OutboxRelay<ProbeDbContext> relay)
        {
            while (await relay.PublishBatchAsync(10, CancellationToken.None) > 0)
            {
            }
        }

        await Task.WhenAll(
            Task.Run(() => DrainAsync(first.Services.GetRequiredService<OutboxRelay<ProbeDbContext>>())),
            Task.Run(() => DrainAsync(second.Services.GetRequiredService<OutboxRelay<ProbeDbContext>>())));

        var ids = new List<string>();
        while (await channel.BasicGetAsync(capture, autoAck: true) is { } message)
        {
            ids.Add(message.BasicProperties.MessageId!);
        }

        await channel.QueueDeleteAsync(capture);
        Assert.Equal(events, ids.Count);
        Assert.Equal(events, ids.Distinct().Count());
    }
}
