using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a service's outbox relay as soon as a commit of that service's database wrote
/// outbox rows, so events leave within milliseconds instead of waiting for the next poll.
/// </summary>
/// <remarks>
/// Only commits that recorded an event wake anyone, and only the relay of the database they
/// went to. Waking every relay on every commit made the relays wake each other without end
/// (each relay's own "mark published" commit woke all the others): an idle server burned
/// both cores on empty polls. See docs/benchmarks.md, "Flash-sale work".
/// </remarks>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource> _next = new();

    /// <summary>
    /// Take this before looking for work: a commit that lands between the look and the wait
    /// then still completes it, and no wake-up is lost.
    /// </summary>
    public Task NextSignal(Type context) => Current(context).Task;

    private void Notify(Type context)
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = Current(context);
        // Swap only if no one else did; a concurrent notifier's swap already woke the waiters.
        if (_next.TryUpdate(context, fresh, previous))
        {
            previous.TrySetResult();
        }
    }

    private TaskCompletionSource Current(Type context) =>
        _next.GetOrAdd(context, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    // Inside an explicit transaction the rows become visible only at commit, which the
    // transaction callback covers.
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DiscardUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DiscardUnlessInTransaction(eventData.Context);

    private void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            AfterCommit(context);
        }
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not ServiceDbContext service)
        {
            return;
        }

        service.RunAfterCommit();
        if (service.TakeOutboxWritten())
        {
            // The relay waits on the service's context type; the instance is its per-provider
            // subclass (docs/adr/0016-generated-migrations.md), so wake every level up to it.
            for (var type = context.GetType(); type != typeof(ServiceDbContext) && type is not null; type = type.BaseType)
            {
                Notify(type);
            }
        }
    }

    private static void Discard(DbContext? context) => (context as ServiceDbContext)?.DiscardAfterCommit();

    // Inside a transaction a failed save may still be retried or rolled back; the rollback discards.
    private static void DiscardUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Discard(context);
        }
    }
}
