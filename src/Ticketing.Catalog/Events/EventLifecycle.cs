using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>Publishing and cancelling an event; both move its unheld inventory on or off sale in the same transaction.</summary>
internal static class EventLifecycle
{
    /// <summary>Idempotent: publishing a published event changes nothing and answers 200.</summary>
    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var now = Now(clock);
        var wasDraft = show.Status == EventStatuses.Draft;
        if (show.Publish(now) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        if (wasDraft)
        {
            // Recorded before the inventory moves on sale, so each consumer learns of a waiting
            // room before it sees the event's tickets become available.
            db.Publish(new EventPublished(show.Id, show.Version, show.OrganizerId, new DateTimeOffset(now, TimeSpan.Zero), show.WaitingRoomMinutes));
        }

        if (wasDraft && await SaveWithInventoryAsync(db, id, TicketStatuses.Withdrawn, TicketStatuses.Available, now, revokePasses: false, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(await Tiers.ResponseAsync(db, show, cancellationToken));
    }

    /// <summary>
    /// Idempotent. Passes already issued are revoked (410 at the gate). Tickets held by an order stay with it: Ordering learns of the cancellation from
    /// EventCancelled and cancels every open or paid order of the event (Payments refunds the paid ones); the releases then withdraw those tickets.
    /// </summary>
    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var now = Now(clock);
        if (show.Cancel(now))
        {
            db.Publish(new EventCancelled(show.Id, show.Version, show.OrganizerId));
            if (await SaveWithInventoryAsync(db, id, TicketStatuses.Available, TicketStatuses.Withdrawn, now, revokePasses: true, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }

        return TypedResults.Ok(await Tiers.ResponseAsync(db, show, cancellationToken));
    }

    /// <summary>
    /// Saves the event, then moves its tickets from one status to the other with one conditional
    /// UPDATE (an event may have tens of thousands) and announces the moved tickets in bulk, all in one
    /// transaction. The event's version check makes a concurrent generation conflict; an order hold
    /// racing the UPDATE either commits first (its ticket is then skipped) or fails its own version check.
    /// </summary>
    private static async Task<ProblemHttpResult?> SaveWithInventoryAsync(
        CatalogDbContext db, Guid eventId, string from, string to, DateTime now, bool revokePasses, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await OrganizerAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await db.Tickets
            .Where(t => t.EventId == eventId && t.Status == from)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, to)
                .SetProperty(t => t.Version, t => t.Version + 1)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
        // The rows just moved are locked by this transaction until commit, so nothing else can have
        // given them this status and this timestamp.
        var moved = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == eventId && t.Status == to && t.UpdatedAt == now)
            .ToListAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, InventoryEvents.Announce(moved), cancellationToken);
        if (revokePasses)
        {
            // None admits any more. Sold tickets stay sold until Ordering cancels their orders (it does so for
            // every order of a cancelled event, and Payments refunds them): that OrderCancelled withdraws them.
            await db.Passes
                .Where(p => p.EventId == eventId && p.RevokedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.RevokedAt, (DateTime?)now)
                    .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Whole milliseconds, so the timestamp compares equal after a round trip through either database.</summary>
    private static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
