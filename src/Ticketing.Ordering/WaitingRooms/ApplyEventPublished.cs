using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Ordering.WaitingRooms;

/// <summary>
/// Opens the waiting room of an event published with one. Catalog records EventPublished before
/// the event's tickets go on sale, so the room exists before any of them can be held. A
/// redelivery finds the room and changes nothing.
/// </summary>
internal sealed class ApplyEventPublished(OrderingDbContext db, IOptions<OrderingOptions> options) : IIntegrationEventHandler<EventPublished>
{
    public async Task HandleAsync(EventPublished e, CancellationToken cancellationToken)
    {
        if (e.WaitingRoomMinutes <= 0 || await db.WaitingRooms.AnyAsync(r => r.EventId == e.EventId, cancellationToken))
        {
            return;
        }

        var opens = e.PublishedAt.UtcDateTime;
        db.WaitingRooms.Add(new WaitingRoom
        {
            EventId = e.EventId,
            OpensAt = opens,
            ClosesAt = opens.AddMinutes(e.WaitingRoomMinutes),
            NextAdmitAt = opens,
            AdmitPerSecond = options.Value.WaitingRoom.AdmitPerSecond,
            Secret = RandomNumberGenerator.GetBytes(32),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
