using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Ordering.WaitingRooms;

/// <summary>A buyer's place in line: <see cref="Position"/> in arrival order, <see cref="Token"/> to present with POST /api/orders.</summary>
internal sealed record QueuePlaceResponse(
    Guid EventId, int Position, int NumberInLine, bool Admitted, DateTime AdmitAt, int EstimatedWaitSeconds, DateTime ClosesAt, string Token)
{
    public static QueuePlaceResponse From(WaitingRoom room, QueuePlace place, DateTime now)
    {
        var wait = place.AdmitAt > now ? (int)Math.Ceiling((place.AdmitAt - now).TotalSeconds) : 0;
        var token = new QueueToken(place.EventId, place.UserId, place.Position, place.AdmitAt, room.ClosesAt).Sign(room.Secret);
        return new(place.EventId, place.Position, room.NumberInLine(place.AdmitAt, now), place.AdmitAt <= now, place.AdmitAt, wait, room.ClosesAt, token);
    }
}

internal static class WaitingRoomEndpoints
{
    private const string NoRoom = "No waiting room is open for this event: order its tickets directly.";

    /// <summary>Idempotent per account: a second call (a retry, another tab) answers the same place.</summary>
    public static async Task<Results<Ok<QueuePlaceResponse>, ProblemHttpResult>> JoinAsync(
        Guid eventId, ClaimsPrincipal user, OrderingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetUserId() is not { } userId)
        {
            return Problems.Forbidden("The token does not identify a user.");
        }

        if (await OpenRoomAsync(db, eventId, time.GetUtcNow().UtcDateTime, cancellationToken) is not { } room)
        {
            return Problems.NotFound(NoRoom);
        }

        var place = await FindAsync(db, eventId, userId, cancellationToken) ?? await TakePlaceAsync(db, eventId, userId, time, cancellationToken);
        return TypedResults.Ok(QueuePlaceResponse.From(room, place, time.GetUtcNow().UtcDateTime));
    }

    public static async Task<Results<Ok<QueuePlaceResponse>, ProblemHttpResult>> GetAsync(
        Guid eventId, ClaimsPrincipal user, OrderingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await OpenRoomAsync(db, eventId, now, cancellationToken) is not { } room)
        {
            return Problems.NotFound(NoRoom);
        }

        return user.GetUserId() is { } userId && await FindAsync(db, eventId, userId, cancellationToken) is { } place
            ? TypedResults.Ok(QueuePlaceResponse.From(room, place, now))
            : Problems.NotFound("You have no place in this event's line yet: take one with POST.");
    }

    private static async Task<WaitingRoom?> OpenRoomAsync(OrderingDbContext db, Guid eventId, DateTime now, CancellationToken cancellationToken) =>
        await db.WaitingRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId, cancellationToken) is { } room && room.IsOpen(now) ? room : null;

    private static Task<QueuePlace?> FindAsync(OrderingDbContext db, Guid eventId, Guid userId, CancellationToken cancellationToken) =>
        db.QueuePlaces.AsNoTracking().FirstOrDefaultAsync(p => p.EventId == eventId && p.UserId == userId, cancellationToken);

    /// <summary>
    /// The counter's UPDATE takes the room row's write lock first, so joins of one event are
    /// numbered and scheduled one after the other; a tab of the same account that joined while this
    /// one waited is found after the lock and its place is answered instead (the increment rolls back).
    /// </summary>
    private static async Task<QueuePlace> TakePlaceAsync(OrderingDbContext db, Guid eventId, Guid userId, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var position = (await db.Database
            .SqlQuery<int>($"UPDATE waiting_rooms SET last_position = last_position + 1 WHERE event_id = {eventId} RETURNING last_position AS \"Value\"")
            .ToListAsync(cancellationToken)).Single();
        if (await FindAsync(db, eventId, userId, cancellationToken) is { } taken)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return taken;
        }

        // Read after the lock: the schedule of the place before this one is committed by now.
        var room = await db.WaitingRooms.SingleAsync(r => r.EventId == eventId, cancellationToken);
        var joinedAt = time.GetUtcNow().UtcDateTime;
        var place = new QueuePlace { EventId = eventId, UserId = userId, Position = position, JoinedAt = joinedAt, AdmitAt = room.Admit(joinedAt) };
        db.QueuePlaces.Add(place);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return place;
    }
}
