using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Events;

internal static class ListEvents
{
    public const int MaxQueryLength = 200;

    /// <summary>
    /// Published events, those still to come first (soonest first), then past ones. <c>?q</c> matches
    /// title, venue or description; <c>?mine=true</c> lists the caller's own events in every status instead.
    /// </summary>
    public static async Task<Results<Ok<List<EventResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        int? page = null, int? pageSize = null, string? q = null, bool mine = false)
    {
        var validation = new Validation();
        var paging = Paging.Check(validation, page, pageSize);
        validation.Require(q is null || q.Length <= MaxQueryLength, "q", $"The search text (q) is at most {MaxQueryLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Events.AsNoTracking();
        if (mine)
        {
            if (user.GetUserId() is not { } me)
            {
                // The route admits anonymous callers (published events are public), so the framework
                // has not challenged: 401 only without credentials, 403 for a token that names no user.
                return user.Identity?.IsAuthenticated == true
                    ? Problems.Forbidden("The token does not identify a user.")
                    : TypedResults.Problem("Sign in to list your own events.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            query = query.Where(e => e.OrganizerId == me);
        }
        else
        {
            query = query.Where(e => e.Status == EventStatuses.Published);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(e => e.Title.ToLower().Contains(text) || e.Venue.ToLower().Contains(text) || e.Description.ToLower().Contains(text));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var found = await query
            .OrderBy(e => e.EndsAt < now ? 1 : 0).ThenBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Skip(paging.Skip).Take(paging.Take)
            .ToListAsync(cancellationToken);
        var tiers = await Tiers.OfAsync(db, found, cancellationToken);
        return TypedResults.Ok(found.Select(e => EventResponse.From(e, tiers[e.Id])).ToList());
    }
}
