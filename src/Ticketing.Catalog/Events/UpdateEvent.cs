using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Events;

internal static class UpdateEvent
{
    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, EventRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var validation = new Validation();
        var details = EventRules.Check(validation, request, clock.GetUtcNow().UtcDateTime, show.StartsAt);
        if (details is null)
        {
            return validation.ToProblem();
        }

        var hasTickets = await db.Tickets.AnyAsync(t => t.EventId == id, cancellationToken);
        var refusal = show.Update(details, hasTickets, clock.GetUtcNow().UtcDateTime);
        if (refusal is not null)
        {
            return Problems.Conflict(refusal);
        }

        if (await OrganizerAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(await Tiers.ResponseAsync(db, show, cancellationToken));
    }
}
