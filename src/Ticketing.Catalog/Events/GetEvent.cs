using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Events;

internal static class GetEvent
{
    /// <summary>An unpublished event answers 404 to everyone but its organizer, as if it did not exist.</summary>
    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TierFigures figures, CancellationToken cancellationToken)
    {
        var show = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (show is null || !show.IsVisibleTo(user.GetUserId()))
        {
            return Problems.NotFound($"Event {id} does not exist.");
        }

        return TypedResults.Ok(await figures.ResponseAsync(db, show, user.GetUserId(), cancellationToken));
    }
}
