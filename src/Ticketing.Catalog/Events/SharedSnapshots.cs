using System.Collections.Concurrent;

namespace Ticketing.Catalog.Events;

/// <summary>
/// One value per event, computed at most once per max age and shared by every reader in between.
/// One computation runs at a time per event; readers arriving meanwhile await it. A failed
/// computation is retried by the next reader instead of being served until it ages out.
/// </summary>
internal sealed class SharedSnapshots<T>(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Snapshot> _snapshots = new();

    public async Task<T> GetAsync(Guid eventId, TimeSpan maxAge, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = _snapshots.GetValueOrDefault(eventId);
        if (current is null || now - current.TakenAt >= maxAge || current.Value.Value.IsFaulted)
        {
            var next = new Snapshot(now, new Lazy<Task<T>>(compute));
            current = current is null
                ? _snapshots.GetOrAdd(eventId, next)
                : _snapshots.TryUpdate(eventId, next, current) ? next : _snapshots[eventId];
        }

        // The computation is shared, so it never takes one reader's cancellation.
        return await current.Value.Value.WaitAsync(cancellationToken);
    }

    private sealed record Snapshot(DateTimeOffset TakenAt, Lazy<Task<T>> Value);
}
