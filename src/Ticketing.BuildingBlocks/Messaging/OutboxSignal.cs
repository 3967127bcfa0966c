using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Wakes every outbox relay of the process as soon as a change commits, so events leave
/// within milliseconds instead of waiting for the next poll.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Take this before looking for work: a commit that lands between the look and the wait
    /// then still completes it, and no wake-up is lost.
    /// </summary>
    public Task NextSignal => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    // Inside an explicit transaction the rows become visible only at commit, which the
    // transaction callback covers; waking early is harmless (the relay finds nothing).
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify();
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify();
}
