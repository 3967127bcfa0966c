using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>Amounts are in minor units of <c>Currency</c>; <c>Timeline</c> is the cumulative count sold, per minute.</summary>
internal sealed record SalesReportResponse(Guid EventId, string Currency, long Revenue, IReadOnlyList<TierSales> Tiers, IReadOnlyList<SalesPoint> Timeline);

internal sealed record TierSales(string Tier, int Sold, int Held, int Available, int Capacity, long Revenue);

internal sealed record SalesPoint(DateTime At, int Sold);

/// <summary>The organizer's dashboard: sold / held / available per tier, revenue, and sales over time.</summary>
internal static class SalesReport
{
    public static async Task<Results<Ok<SalesReportResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var tiers = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == id)
            .GroupBy(t => t.Tier ?? "")
            .Select(g => new TierSales(
                g.Key,
                g.Count(t => t.Status == TicketStatuses.Sold),
                g.Count(t => t.Status == TicketStatuses.Reserved),
                g.Count(t => t.Status == TicketStatuses.Available),
                g.Count(),
                g.Where(t => t.Status == TicketStatuses.Sold).Sum(t => t.PriceMinor)))
            .ToListAsync(cancellationToken);

        // A sold ticket does not change again, so its last update is the moment of sale.
        var soldAt = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == id && t.Status == TicketStatuses.Sold)
            .Select(t => t.UpdatedAt)
            .ToListAsync(cancellationToken);
        var running = 0;
        var timeline = soldAt
            .GroupBy(at => new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g => new SalesPoint(g.Key, running += g.Count()))
            .ToList();

        return TypedResults.Ok(new SalesReportResponse(id, show.Currency, tiers.Sum(t => t.Revenue), tiers.OrderBy(t => t.Tier).ToList(), timeline));
    }
}
