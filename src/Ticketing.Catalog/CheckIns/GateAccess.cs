using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.CheckIns;

/// <summary>Who may admit people: the organizer (owner of the tickets) and the staff of that one event.</summary>
internal static class GateAccess
{
    public static async Task<bool> CanAdmitAsync(CatalogDbContext db, Guid? eventId, Guid organizerId, Guid? userId, CancellationToken cancellationToken) =>
        userId is { } me && (me == organizerId || (eventId is { } show && await db.Staff.AnyAsync(s => s.EventId == show && s.UserId == me, cancellationToken)));

    public static ProblemHttpResult Forbidden() =>
        Problems.Forbidden("Only the organizer and the staff of this event can check its passes in.");

    public static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status410Gone, title: "Pass revoked");

    /// <summary>409 carrying when the pass was first admitted, so the gate can tell a double scan from a copied code.</summary>
    public static ProblemHttpResult AlreadyCheckedIn(DateTime checkedInAt) =>
        TypedResults.Problem(
            $"This pass was already checked in at {checkedInAt:yyyy-MM-dd HH:mm:ss} UTC.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Already checked in",
            extensions: new Dictionary<string, object?> { ["checkedInAt"] = checkedInAt });
}
