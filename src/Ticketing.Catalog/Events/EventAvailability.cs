using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>A seat on sale: its ticket (what an order names) and its label.</summary>
internal sealed record FreeSeat(Guid Id, string Seat, decimal Price);

/// <summary>
/// A tier's free admissions: <c>Available</c> counts them all; <c>Seats</c> lists the reserved seats
/// among them (empty for general admission), so <c>Available - Seats.Count</c> are unseated units.
/// </summary>
internal sealed record TierAvailability(string Tier, int Capacity, int Available, IReadOnlyList<FreeSeat> Seats);

internal sealed record AvailabilityResponse(Guid EventId, string Currency, IReadOnlyList<TierAvailability> Tiers);

/// <summary>
/// <c>GET /api/events/{id}/availability</c>: what a buyer may still pick, in one answer, for the
/// seat map and its live refresh (instead of paging through every ticket on sale).
/// </summary>
internal static class EventAvailability
{
    /// <summary>As <c>GET /api/events/{id}</c>: an unpublished event is a 404 to everyone but its organizer.</summary>
    public static async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, TierFigures figures, FreeSeats seats, CancellationToken cancellationToken)
    {
        var show = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        var viewer = user.GetUserId();
        if (show is null || !show.IsVisibleTo(viewer))
        {
            return Problems.NotFound($"Event {id} does not exist.");
        }

        var tiers = await figures.TiersAsync(db, show, viewer, cancellationToken);
        var free = await seats.OfAsync(db, show, viewer, cancellationToken);
        return TypedResults.Ok(new AvailabilityResponse(id, show.Currency, tiers
            .Select(t => new TierAvailability(t.Tier, t.Capacity, t.Available, free.GetValueOrDefault(t.Tier) ?? []))
            .ToList()));
    }
}

/// <summary>
/// The free seats of an event per tier, read under the same rule as <see cref="TierFigures"/>:
/// live for the organizer, otherwise at most <see cref="CatalogOptions.TierFiguresMaxAge"/> old and
/// shared. Every buyer on the event page polls this, so one read serves them all; a seat shown free
/// a second too long costs nothing, since Ordering decides every hold.
/// </summary>
internal sealed class FreeSeats(IServiceScopeFactory scopes, IOptions<CatalogOptions> options, TimeProvider clock)
{
    private readonly SharedSnapshots<Dictionary<string, List<FreeSeat>>> _snapshots = new(clock);

    public async Task<Dictionary<string, List<FreeSeat>>> OfAsync(CatalogDbContext db, Event show, Guid? viewer, CancellationToken cancellationToken)
    {
        var maxAge = options.Value.TierFiguresMaxAge;
        if (maxAge <= TimeSpan.Zero || show.OrganizerId == viewer)
        {
            return await ReadAsync(db, show, cancellationToken);
        }

        return await _snapshots.GetAsync(show.Id, maxAge, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await ReadAsync(scope.ServiceProvider.GetRequiredService<CatalogDbContext>(), show, CancellationToken.None);
        }, cancellationToken);
    }

    private static async Task<Dictionary<string, List<FreeSeat>>> ReadAsync(CatalogDbContext db, Event show, CancellationToken cancellationToken)
    {
        // Three columns of the seats on sale only: general admission units are counted by the tier figures.
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == show.Id && t.Status == TicketStatuses.Available && t.Seat != null)
            .Select(t => new { t.Id, t.Tier, t.Seat, t.PriceMinor })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.Tier ?? "")
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(r => r.Seat, StringComparer.Ordinal)
                    .Select(r => new FreeSeat(r.Id, r.Seat!, Money.ToMajor(r.PriceMinor, show.Currency)))
                    .ToList());
    }
}
