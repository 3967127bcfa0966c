using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Notifications.Inbox;

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, DateTime CreatedAt, bool Read);

internal static class NotificationEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The caller's notifications, newest first. A limit below 1 is a client bug (400); a big one just gets the most we serve.</summary>
    public static async Task<Results<Ok<List<NotificationResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, NotificationsDbContext db, int? limit, CancellationToken cancellationToken)
    {
        var validation = new Validation().Require(limit is null or >= 1, "limit", $"The limit must be at least 1 (at most {MaxLimit} are returned).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var userId = user.GetUserId();
        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(take)
            .Select(n => new NotificationResponse(n.Id, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        // Someone else's notification is indistinguishable from a missing one.
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return Problems.NotFound("No such notification.");
        }

        notification.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
