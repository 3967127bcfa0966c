using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

/// <summary>The in-process transport handles a relay round's events for a service in one transaction.</summary>
public sealed class BatchedDeliveryTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task PublishBatch_sameKeyTwiceInOneRun_laterHandlerSeesEarlierWrite(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var transport = host.Services.GetRequiredService<IMessageTransport>();

        var outcome = await transport.PublishBatchAsync([Envelope("same"), Envelope("same"), Envelope("other")], CancellationToken.None);

        Assert.Equal(3, outcome.Delivered);
        Assert.Equal(2, await ProbeEnvironment.CountOfAsync(host, "same"));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "other"));
        Assert.Equal(3, await ProbeEnvironment.QueryAsync(host, db => db.InboxMessages.CountAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task PublishBatch_sameRunTwice_secondIsNoOp(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var transport = host.Services.GetRequiredService<IMessageTransport>();
        var attempts = host.Services.GetRequiredService<ProbeAttempts>();
        IReadOnlyList<MessageEnvelope> run = [Envelope("first"), Envelope("second")];

        await transport.PublishBatchAsync(run, CancellationToken.None);
        await transport.PublishBatchAsync(run, CancellationToken.None);

        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "first"));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "second"));
        Assert.Equal(1, attempts.Of("first"));
        Assert.Equal(1, attempts.Of("second"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task PublishBatch_runWithAFailingEvent_rollsBackAndHandlesTheOthersOnceEach(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var transport = host.Services.GetRequiredService<IMessageTransport>();
        var attempts = host.Services.GetRequiredService<ProbeAttempts>();

        var outcome = await transport.PublishBatchAsync([Envelope("before"), Envelope("fail-in-run"), Envelope("after")], CancellationToken.None);

        Assert.Equal(3, outcome.Delivered);
        // "before" ran in the rolled-back run and again on its own, yet counts once.
        Assert.Equal(2, attempts.Of("before"));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "before"));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "after"));
        // One attempt in the run, then the three a failing handler gets on its own.
        Assert.Equal(4, attempts.Of("fail-in-run"));
        Assert.Equal(1, await ProbeEnvironment.QueryAsync(host, db => db.DeadLetterMessages.CountAsync()));
    }

    [Fact]
    public async Task PublishBatch_runSizeOne_handlesEachAlone()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        environment.Settings["Messaging:HandlerBatchSize"] = "1";
        using var host = await environment.BuildAsync();
        var transport = host.Services.GetRequiredService<IMessageTransport>();
        var attempts = host.Services.GetRequiredService<ProbeAttempts>();

        await transport.PublishBatchAsync([Envelope("alone"), Envelope("fail-alone")], CancellationToken.None);

        // No shared run to roll back: the good event ran once, the failing one its three attempts.
        Assert.Equal(1, attempts.Of("alone"));
        Assert.Equal(3, attempts.Of("fail-alone"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task PublishBatch_consumerSpansOfARun_endOnlyOnceItsWritesAreCommitted(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var transport = host.Services.GetRequiredService<IMessageTransport>();
        string[] keys = [$"span-{Guid.NewGuid():N}", $"span-{Guid.NewGuid():N}"];
        var run = keys.Select(Envelope).ToList();
        var ours = run.Zip(keys).ToDictionary(pair => pair.First.EventId.ToString(), pair => pair.Second);
        // What another connection sees the moment each span ends: a finished span means "handled".
        var seenAtEnd = new ConcurrentDictionary<string, int>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TicketingTelemetry.MessagingSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("messaging.message.id") is string id && ours.TryGetValue(id, out var key))
                {
                    seenAtEnd[key] = ProbeEnvironment.CountOfAsync(host, key).GetAwaiter().GetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await transport.PublishBatchAsync(run, CancellationToken.None);

        Assert.Equal(keys.Order(), seenAtEnd.Keys.Order());
        Assert.All(seenAtEnd.Values, count => Assert.Equal(1, count));
    }

    private static MessageEnvelope Envelope(string key) => OutboxMessage.From(new ProbeHappened(key)).ToEnvelope();
}
