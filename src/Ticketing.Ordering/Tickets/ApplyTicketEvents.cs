using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tickets;

/// <summary>
/// Keeps the ticket replica at the newest version Catalog published. Both events carry the
/// whole state, so each is applied the same way: only when newer than the row, which makes
/// duplicates and stale (out-of-order) events no-ops and lets a gap in versions pass.
/// </summary>
internal sealed class ApplyTicketEvents(OrderingDbContext db)
    : IIntegrationEventHandler<TicketCreated>, IIntegrationEventHandler<TicketUpdated>
{
    public Task HandleAsync(TicketCreated e, CancellationToken cancellationToken) =>
        ApplyAsync(new TicketReplica
        {
            TicketId = e.TicketId, Version = e.Version, Title = e.Title, PriceMinor = e.PriceMinor, Currency = e.Currency,
            EventId = e.EventId, Tier = e.Tier, Seat = e.Seat, Status = e.Status, OwnerId = e.OwnerId,
        }, cancellationToken);

    public Task HandleAsync(TicketUpdated e, CancellationToken cancellationToken) =>
        ApplyAsync(new TicketReplica
        {
            TicketId = e.TicketId, Version = e.Version, Title = e.Title, PriceMinor = e.PriceMinor, Currency = e.Currency,
            EventId = e.EventId, Tier = e.Tier, Seat = e.Seat, Status = e.Status, OwnerId = e.OwnerId,
        }, cancellationToken);

    private async Task ApplyAsync(TicketReplica state, CancellationToken cancellationToken)
    {
        // One conditional UPDATE: the version check and the write are a single statement, so two
        // events for the same ticket handled at once cannot both pass the check. The hold
        // (held_by_order_id) is deliberately not in the SET list: Ordering owns it, not Catalog.
        var updated = await db.Tickets
            .Where(t => t.TicketId == state.TicketId && t.Version < state.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Version, state.Version)
                .SetProperty(t => t.Title, state.Title)
                .SetProperty(t => t.PriceMinor, state.PriceMinor)
                .SetProperty(t => t.Currency, state.Currency)
                .SetProperty(t => t.EventId, state.EventId)
                .SetProperty(t => t.Tier, state.Tier)
                .SetProperty(t => t.Seat, state.Seat)
                .SetProperty(t => t.OwnerId, state.OwnerId)
                .SetProperty(t => t.Status, state.Status),
                cancellationToken);
        if (updated > 0 || await db.Tickets.AnyAsync(t => t.TicketId == state.TicketId, cancellationToken))
        {
            return;
        }

        // First sight of this ticket. Saved with the inbox row; if another delivery inserts the
        // same ticket first, the primary key rejects ours and the retry takes the update path.
        db.Tickets.Add(state);
    }
}
