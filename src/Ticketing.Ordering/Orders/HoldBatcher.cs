using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Group commit of holds on SQLite: the orders that arrive while one transaction is writing are
/// placed together in the next, each in its own savepoint, and commit with one fsync.
/// </summary>
/// <remarks>
/// SQLite has one writer per file and, in WAL mode with <c>synchronous=FULL</c>, an fsync per commit
/// (2.7 ms median on the benchmark machine's disk): one transaction per order caps a sale at a few
/// hundred holds a second however fast the rest is, and every buyer queues behind the fsyncs of
/// those before them. The database still arbitrates every hold: each order's conditional update runs
/// in the shared transaction after the previous order's, so it sees their holds. A refused order
/// rolls back to its savepoint without touching its neighbours; a failed commit fails them all, and
/// none of them was answered yet. PostgreSQL does not come here: its transactions already share WAL
/// flushes, and SKIP LOCKED lets concurrent buyers pass each other.
/// </remarks>
internal sealed class HoldBatcher(IServiceScopeFactory scopes, IOptions<OrderingOptions> options, TimeProvider time) : BackgroundService
{
    /// <summary>Bounds how long one batch holds the write lock (about a millisecond per order).</summary>
    internal const int MaxBatch = 64;

    private readonly Channel<PendingHold> _queue = Channel.CreateUnbounded<PendingHold>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Places the order in the next batch; the answer comes once that batch committed.</summary>
    public Task<Placement> PlaceAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        var pending = new PendingHold(request, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The server is stopping.");
        }

        return pending.Answer.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingHold>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    // A buyer who gave up while queued gets nothing held for them.
                    if (!pending.Answer.Task.IsCompleted && pending.CancellationToken.IsCancellationRequested)
                    {
                        pending.Answer.TrySetCanceled(pending.CancellationToken);
                        continue;
                    }

                    batch.Add(pending);
                }

                await PlaceBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Answer.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>One transaction for <paramref name="batch"/>; every request is answered when it returns.</summary>
    internal async Task PlaceBatchAsync(IReadOnlyList<PendingHold> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (batch.Any(p => p.Request.Admitted.EventId != Guid.Empty))
        {
            // Admitted buyers' orders are work the platform accepted (see CreateOrder): the batch goes first.
            WritePriority.MarkFinishingWork();
        }

        var placed = new List<(PendingHold Pending, Placement Placement)>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
            // Each order has its own savepoint below; EF's per-SaveChanges one would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = $"hold{i}";
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
                // The order's statements and its OrderCreated (whose outbox row carries the trace
                // context) belong to the buyer's request, not to this loop: one purchase, one trace.
                Activity.Current = batch[i].RequestActivity;
                try
                {
                    var placement = await PlaceOrder.TryAsync(db, batch[i].Request, options.Value.HoldDuration, time, cancellationToken);
                    if (placement.Order is null)
                    {
                        await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                    }

                    placed.Add((batch[i], placement));
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // This order's statements failed (not the shared transaction): it alone is answered with the error.
                    await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                    batch[i].Answer.TrySetException(failure);
                }

                Activity.Current = null;
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(failure);
            }

            return;
        }

        foreach (var (pending, placement) in placed)
        {
            pending.Answer.TrySetResult(placement);
        }
    }
}

/// <summary>A request waiting for its batch, and how it is answered.</summary>
internal sealed class PendingHold(HoldRequest request, CancellationToken cancellationToken)
{
    public HoldRequest Request { get; } = request;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The request's span, current where the order is placed.</summary>
    public Activity? RequestActivity { get; } = Activity.Current;

    public TaskCompletionSource<Placement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
