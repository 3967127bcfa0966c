using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Events;

internal static class OrganizerAccess
{
    /// <summary>
    /// Loads an event (tracked) for a change only its organizer may make. Someone else's draft is a
    /// 404, like in the read endpoints, so probing ids reveals nothing; a published one is a 403.
    /// </summary>
    public static async Task<Lookup<Event>> LoadAsync(CatalogDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var show = await db.Events.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        var userId = user.GetUserId();
        if (show is null || !show.IsVisibleTo(userId))
        {
            return Problems.NotFound($"Event {id} does not exist.");
        }

        return show.OrganizerId == userId
            ? show
            : Problems.Forbidden("Only the event's organizer can change it.");
    }

    /// <summary>Saves, turning a lost race with another change to the same event into a clear 409.</summary>
    public static async Task<ProblemHttpResult?> SaveAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The event or its tickets were changed at the same time; reload and try again.");
        }
    }
}
