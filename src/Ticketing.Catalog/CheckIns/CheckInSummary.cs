using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.CheckIns;

internal sealed record TierAdmissions(string Tier, int Issued, int Admitted);

internal sealed record CheckInSummaryResponse(Guid EventId, int Issued, int Admitted, IReadOnlyList<TierAdmissions> Tiers);

internal static class CheckInSummary
{
    /// <summary>Per tier: valid (not revoked) passes issued, and how many of them have entered. Counted live.</summary>
    public static async Task<Results<Ok<CheckInSummaryResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var show = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        var me = user.GetUserId();
        var allowed = show is not null && await GateAccess.CanAdmitAsync(db, id, show.OrganizerId, me, cancellationToken);
        if (!allowed)
        {
            return show is not null && show.IsVisibleTo(me) ? GateAccess.Forbidden() : Problems.NotFound($"Event {id} does not exist.");
        }

        var rows = await (
                from p in db.Passes
                join t in db.Tickets on p.TicketId equals t.Id
                join c in db.CheckIns on p.Id equals c.PassId into scans
                from c in scans.DefaultIfEmpty()
                where p.EventId == id && p.RevokedAt == null
                select new { t.Tier, Admitted = c == null ? 0 : 1 })
            .GroupBy(r => r.Tier)
            .Select(g => new { Tier = g.Key, Issued = g.Count(), Admitted = g.Sum(r => r.Admitted) })
            .ToListAsync(cancellationToken);
        var tiers = rows
            .Select(r => new TierAdmissions(r.Tier ?? "", r.Issued, r.Admitted))
            .OrderBy(r => r.Tier, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new CheckInSummaryResponse(id, tiers.Sum(t => t.Issued), tiers.Sum(t => t.Admitted), tiers));
    }
}
