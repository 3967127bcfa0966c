namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// An async lock with two queues: when it is released, a waiter from the first queue goes before
/// any from the second. Ownership passes straight to the next waiter, so nobody can barge in.
/// </summary>
internal sealed class PriorityGate
{
    private readonly Lock _sync = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _first = [];
    private readonly LinkedList<TaskCompletionSource<bool>> _rest = [];
    private bool _taken;

    /// <summary>True once held; false when <paramref name="timeout"/> passed first (the caller goes on without it).</summary>
    public Task<bool> EnterAsync(bool first, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_sync)
        {
            if (!_taken)
            {
                _taken = true;
                return Task.FromResult(true);
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (first ? _first : _rest).AddLast(waiter);
        }

        return WaitAsync(node, timeout, cancellationToken);
    }

    public void Release()
    {
        TaskCompletionSource<bool> next;
        lock (_sync)
        {
            var queue = _first.Count > 0 ? _first : _rest.Count > 0 ? _rest : null;
            if (queue is null)
            {
                _taken = false;
                return;
            }

            next = queue.First!.Value;
            queue.RemoveFirst();
        }

        next.TrySetResult(true);
    }

    private async Task<bool> WaitAsync(LinkedListNode<TaskCompletionSource<bool>> node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        giveUp.CancelAfter(timeout);
        await using (giveUp.Token.Register(() => Abandon(node)))
        {
            var entered = await node.Value.Task;
            cancellationToken.ThrowIfCancellationRequested();
            return entered;
        }
    }

    /// <summary>Leaves the queue unless ownership was handed over already (then the node is off the list).</summary>
    private void Abandon(LinkedListNode<TaskCompletionSource<bool>> node)
    {
        lock (_sync)
        {
            if (node.List is null)
            {
                return;
            }

            node.List.Remove(node);
        }

        node.Value.TrySetResult(false);
    }
}

/// <summary>
/// Marks the current flow as finishing work already accepted (an event handler, the outbox relay),
/// which SQLite writers let go first. Under a stampede new orders kept arriving while the events that
/// complete paid orders waited behind them, until the holds ran out; finishing accepted work first
/// keeps a paid order inside its hold. Set at the top of an async method; it reverts when it returns.
/// </summary>
public static class WritePriority
{
    private static readonly AsyncLocal<bool> Finishing = new();

    public static bool IsFinishingWork => Finishing.Value;

    public static void MarkFinishingWork() => Finishing.Value = true;
}
