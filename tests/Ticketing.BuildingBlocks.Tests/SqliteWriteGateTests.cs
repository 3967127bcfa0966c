using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

/// <summary>
/// SQLite writers of one process queue on an async gate (no thread blocked in SQLite's busy wait),
/// and every way a transaction ends lets the next writer in.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task BeginTransaction_whileAnotherWriterHoldsTheFile_waitsWithoutAThreadUntilItCommits()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var holder = first.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var waiter = second.ServiceProvider.GetRequiredService<ProbeDbContext>();
        await using var held = await holder.Database.BeginTransactionAsync();

        var waiting = waiter.Database.BeginTransactionAsync();
        await Task.Delay(300);
        var waitedWhileHeld = !waiting.IsCompleted;
        holder.Counters.Add(new ProbeCounter { Key = "first", Count = 1 });
        await holder.SaveChangesAsync();
        await held.CommitAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(waitedWhileHeld);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Transaction_disposedWithoutCommitAfterAnError_letsTheNextWriterInAtOnce()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        await using (var failing = host.Services.CreateAsyncScope())
        {
            var db = failing.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Counters.Add(new ProbeCounter { Key = "abandoned", Count = 1 });
                await db.SaveChangesAsync();
                throw new InvalidOperationException("handler failed");
            });
        }

        await using var scope = host.Services.CreateAsyncScope();
        var next = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var entering = next.Database.BeginTransactionAsync();

        await using var transaction = await entering.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(await next.Counters.AnyAsync(c => c.Key == "abandoned"));
    }

    [Fact]
    public async Task LoneWrite_whileATransactionHoldsTheFile_runsAfterItCommits()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync(consume: false);
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var holder = first.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var writer = second.ServiceProvider.GetRequiredService<ProbeDbContext>();
        holder.Counters.Add(new ProbeCounter { Key = "shared", Count = 1 });
        await holder.SaveChangesAsync();
        await using var held = await holder.Database.BeginTransactionAsync();
        await holder.Counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, 2));

        var update = writer.Counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count * 10));
        await Task.Delay(300);
        var waitedWhileHeld = !update.IsCompleted;
        await held.CommitAsync();
        await update.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(waitedWhileHeld);
        Assert.Equal(20, await writer.Counters.Where(c => c.Key == "shared").Select(c => c.Count).SingleAsync());
    }
}
