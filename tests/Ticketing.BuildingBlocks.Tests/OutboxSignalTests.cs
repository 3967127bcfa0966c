using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

/// <summary>
/// The relay of a database wakes only for commits of that database that wrote outbox rows: waking
/// every relay on every commit made relays wake each other without end (docs/benchmarks.md).
/// </summary>
public sealed class OutboxSignalTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Commit_withoutOutboxRows_wakesNoRelay(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        var signal = host.Services.GetRequiredService<OutboxSignal>();
        var wake = signal.NextSignal(typeof(ProbeDbContext));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        db.Counters.Add(new ProbeCounter { Key = "quiet", Count = 1 });
        await db.SaveChangesAsync();
        await db.OutboxMessages.Where(m => m.PublishedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 0));

        Assert.False(wake.IsCompleted);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Commit_withOutboxRows_wakesOnlyThatDatabasesRelay(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        var signal = host.Services.GetRequiredService<OutboxSignal>();
        var probeRelay = signal.NextSignal(typeof(ProbeDbContext));
        var otherRelay = signal.NextSignal(typeof(OtherDatabase));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        db.Publish(new ProbeHappened("wake"));
        await db.SaveChangesAsync();

        Assert.True(probeRelay.IsCompleted);
        Assert.False(otherRelay.IsCompleted);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task SaveInsideTransaction_withOutboxRows_wakesAtCommitNotBefore(TestProvider provider)
    {
        await using var environment = new ProbeEnvironment(provider, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        var signal = host.Services.GetRequiredService<OutboxSignal>();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var wake = signal.NextSignal(typeof(ProbeDbContext));
        db.Publish(new ProbeHappened("at-commit"));
        await db.SaveChangesAsync();
        Assert.False(wake.IsCompleted);

        await transaction.CommitAsync();
        Assert.True(wake.IsCompleted);
        // The flag is consumed: the next commit without events wakes nobody.
        var next = signal.NextSignal(typeof(ProbeDbContext));
        db.Counters.Add(new ProbeCounter { Key = "after", Count = 1 });
        await db.SaveChangesAsync();
        Assert.False(next.IsCompleted);
    }

    private sealed class OtherDatabase;
}
