using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class InboxTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Dispatch_sameEventTwice_changesStateOnce(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var dispatcher = host.Services.GetRequiredService<EventDispatcher>();
        var envelope = OutboxMessage.From(new ProbeHappened("twice")).ToEnvelope();

        await dispatcher.DispatchAsync(ProbeHost.Service, envelope, CancellationToken.None);
        await dispatcher.DispatchAsync(ProbeHost.Service, envelope, CancellationToken.None);

        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "twice"));
        Assert.Equal(1, host.Services.GetRequiredService<ProbeAttempts>().Of("twice"));
        Assert.Equal(1, await ProbeEnvironment.QueryAsync(host, db => db.InboxMessages.CountAsync(m => m.EventId == envelope.EventId)));
    }

    [Fact]
    public async Task Consume_sameEventTwiceBackToBackOnRabbitMq_changesStateOnceAndTheNextEventStillArrives()
    {
        await using var environment = new ProbeEnvironment(TestProvider.PostgreSql, rabbitMq: true);
        using var host = await environment.BuildAsync();
        await host.StartAsync();
        var twice = OutboxMessage.From(new ProbeHappened("rabbit-twice")).ToEnvelope();
        var after = OutboxMessage.From(new ProbeHappened("rabbit-after")).ToEnvelope();

        // Back to back, so the consumer mostly takes them as one run: that run fails together on the
        // copy's inbox row and goes message by message, where the copy is a no-op.
        await host.Services.GetRequiredService<IMessageTransport>().PublishBatchAsync([twice, twice, after], CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(async () => await ProbeEnvironment.CountOfAsync(host, "rabbit-after") == 1));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "rabbit-twice"));
        Assert.Equal(1, await ProbeEnvironment.QueryAsync(host, db => db.InboxMessages.CountAsync(m => m.EventId == twice.EventId)));
        await host.StopAsync();
    }

    [Fact]
    public async Task Dispatch_sameEventConcurrently_changesStateOnce()
    {
        await using var environment = new ProbeEnvironment(TestProvider.PostgreSql, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var dispatcher = host.Services.GetRequiredService<EventDispatcher>();
        var envelope = OutboxMessage.From(new ProbeHappened("racing")).ToEnvelope();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => dispatcher.DispatchAsync(ProbeHost.Service, envelope, CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(DispatchOutcome.Handled, o));
        Assert.Equal(1, await ProbeEnvironment.CountOfAsync(host, "racing"));
    }

    [Fact]
    public async Task Dispatch_differentEventsSameKey_countsEach()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync();
        var dispatcher = host.Services.GetRequiredService<EventDispatcher>();

        await dispatcher.DispatchAsync(ProbeHost.Service, OutboxMessage.From(new ProbeHappened("k")).ToEnvelope(), CancellationToken.None);
        await dispatcher.DispatchAsync(ProbeHost.Service, OutboxMessage.From(new ProbeHappened("k")).ToEnvelope(), CancellationToken.None);

        Assert.Equal(2, await ProbeEnvironment.CountOfAsync(host, "k"));
    }
}
