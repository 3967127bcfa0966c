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

    /// <summary>
    /// One upsert: insert on first sight, otherwise overwrite only when newer. It used to be an
    /// UPDATE, then an existence check, then an INSERT: under READ COMMITTED each statement sees a
    /// fresh snapshot, so when TicketCreated committed between the UPDATE and the check, a newer
    /// TicketUpdated found the row, took it for a newer version and was dropped (a published seat
    /// stayed withdrawn in Ordering for good). Here the database decides in one statement. The hold
    /// (held_by_order_id) is deliberately not in the SET list: Ordering owns it, not Catalog.
    /// </summary>
    private Task ApplyAsync(TicketReplica t, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO tickets (ticket_id, version, title, price_minor, currency, event_id, tier, seat, owner_id, status)
            VALUES ({t.TicketId}, {t.Version}, {t.Title}, {t.PriceMinor}, {t.Currency}, {t.EventId}, {t.Tier}, {t.Seat}, {t.OwnerId}, {t.Status})
            ON CONFLICT (ticket_id) DO UPDATE SET
                version = excluded.version, title = excluded.title, price_minor = excluded.price_minor,
                currency = excluded.currency, event_id = excluded.event_id, tier = excluded.tier,
                seat = excluded.seat, owner_id = excluded.owner_id, status = excluded.status
            WHERE tickets.version < excluded.version
            """, cancellationToken);
}
