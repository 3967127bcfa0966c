using Microsoft.EntityFrameworkCore;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Passes;

/// <summary>
/// A pass as its holder sees it. <c>code</c> is the QR text (also served as an image);
/// <c>status</c> is <c>active</c>, <c>checked-in</c> or <c>revoked</c>.
/// </summary>
internal sealed record PassResponse(
    Guid Id,
    Guid TicketId,
    Guid? EventId,
    Guid OrderId,
    string Title,
    string? Venue,
    DateTime? StartsAt,
    string? Tier,
    string? Seat,
    int Serial,
    string Status,
    DateTime? CheckedInAt,
    DateTime IssuedAt,
    string Code);

internal static class PassViews
{
    /// <summary>Builds responses for <paramref name="passes"/> with three set-based look-ups, whatever their number.</summary>
    public static async Task<List<PassResponse>> ForAsync(CatalogDbContext db, IReadOnlyList<Pass> passes, CancellationToken cancellationToken)
    {
        var ticketIds = passes.Select(p => p.TicketId).ToList();
        var passIds = passes.Select(p => p.Id).ToList();
        var eventIds = passes.Where(p => p.EventId != null).Select(p => p.EventId!.Value).Distinct().ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => passIds.Contains(c.PassId))
            .ToDictionaryAsync(c => c.PassId, c => c.CheckedInAt, cancellationToken);
        return passes.Select(p =>
        {
            var ticket = tickets[p.TicketId];
            var show = p.EventId is { } id ? events.GetValueOrDefault(id) : null;
            var checkedInAt = checkIns.TryGetValue(p.Id, out var at) ? at : (DateTime?)null;
            return new PassResponse(p.Id, p.TicketId, p.EventId, p.OrderId, show?.Title ?? ticket.Title, show?.Venue, show?.StartsAt,
                ticket.Tier, ticket.Seat, p.Serial, p.State(checkedInAt is not null), checkedInAt, p.IssuedAt, p.Code);
        }).ToList();
    }
}
