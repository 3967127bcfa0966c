using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Ticketing.Ordering.WaitingRooms;

/// <summary>
/// The rooms' signing secrets, read once per process: a room's secret never changes, so checking a
/// queue token on the order path costs one dictionary look-up after the first.
/// </summary>
internal sealed class WaitingRoomSecrets
{
    private readonly ConcurrentDictionary<Guid, byte[]> _secrets = new();

    public async ValueTask<byte[]?> GetAsync(OrderingDbContext db, Guid eventId, CancellationToken cancellationToken)
    {
        if (_secrets.TryGetValue(eventId, out var known))
        {
            return known;
        }

        var secret = await db.WaitingRooms.AsNoTracking()
            .Where(r => r.EventId == eventId)
            .Select(r => r.Secret)
            .FirstOrDefaultAsync(cancellationToken);
        return secret is null ? null : _secrets.GetOrAdd(eventId, secret);
    }
}
