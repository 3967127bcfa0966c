using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Events;

internal static class CreateEvent
{
    /// <summary>Creates a draft that only its organizer sees until it is published.</summary>
    public static async Task<Results<Created<EventResponse>, ValidationProblem>> HandleAsync(
        EventRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var details = EventRules.Check(validation, request, clock.GetUtcNow().UtcDateTime);
        if (details is null)
        {
            return validation.ToProblem();
        }

        var show = Event.Create(user.GetUserId()!.Value, details, clock.GetUtcNow().UtcDateTime);
        db.Events.Add(show);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{show.Id}", EventResponse.From(show, []));
    }
}
