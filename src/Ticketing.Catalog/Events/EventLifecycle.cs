using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>Publishing and cancelling an event; both move its unheld inventory on or off sale in the same transaction.</summary>
internal static class EventLifecycle
{
    public static void MapEventLifecycle(this IEndpointRouteBuilder events)
    {
        events.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization().WithName("PublishEvent");
        events.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization().WithName("CancelEvent");
    }

    /// <summary>Idempotent: publishing a published event changes nothing and answers 200.</summary>
    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (show, problem) = await OrganizerAccess.LoadAsync(db, id, user, ct);
        if (show is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var wasDraft = show.Status == EventStatuses.Draft;
        if (show.Publish(now) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        if (wasDraft)
        {
            await ChangeInventoryAsync(db, id, TicketStatuses.Withdrawn, t => t.PutOnSale(now), ct);
            if (await OrganizerAccess.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }
        }

        return TypedResults.Ok(await Tiers.ResponseAsync(db, show, ct));
    }

    /// <summary>
    /// Idempotent. Tickets held by an order stay with it: Ordering learns of the cancellation from
    /// EventCancelled, and a release then withdraws them instead of putting them back on sale.
    /// </summary>
    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (show, problem) = await OrganizerAccess.LoadAsync(db, id, user, ct);
        if (show is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (show.Cancel(now))
        {
            db.Publish(new EventCancelled(show.Id, show.Version, show.OrganizerId));
            await ChangeInventoryAsync(db, id, TicketStatuses.Available, t => t.Withdraw(now), ct);
            if (await OrganizerAccess.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }
        }

        return TypedResults.Ok(await Tiers.ResponseAsync(db, show, ct));
    }

    private static async Task ChangeInventoryAsync(CatalogDbContext db, Guid eventId, string fromStatus, Func<Ticket, TicketChange> change, CancellationToken ct)
    {
        var tickets = await db.Tickets.Where(t => t.EventId == eventId && t.Status == fromStatus).ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            if (change(ticket) == TicketChange.Changed)
            {
                db.Publish(ticket.ToUpdated());
            }
        }
    }
}
