using Microsoft.EntityFrameworkCore;
using Ticketing.Ordering.Tickets;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Puts holds on tickets with one statement the database arbitrates: a ticket is taken only
/// if it is still free when the row is written, so two orders can never hold the same ticket,
/// whatever the application read before. The caller compares the count it got with the count
/// it asked for and rolls back on a shortfall (all or nothing).
/// </summary>
internal static class Reservations
{
    /// <summary>
    /// Free to hold: no order holds it, Catalog has not sold or withdrawn it, its event is not
    /// cancelled. Catalog's <c>reserved</c> does not block: holds are Ordering's own decision.
    /// </summary>
    private const string Free =
        "held_by_order_id IS NULL AND status NOT IN ('sold', 'withdrawn') " +
        "AND (event_id IS NULL OR event_id NOT IN (SELECT event_id FROM cancelled_events))";

    public static Task<List<TicketReplica>> HoldTicketsAsync(
        OrderingDbContext db, Guid orderId, IReadOnlyList<Guid> ticketIds, CancellationToken cancellationToken)
    {
        var placeholders = string.Join(", ", ticketIds.Select((_, i) => $"{{{i + 2}}}"));
        object[] parameters = [orderId, ticketIds.Count, .. ticketIds.Cast<object>()];
        return HoldAsync(db, $"ticket_id IN ({placeholders})", parameters, cancellationToken);
    }

    public static Task<List<TicketReplica>> HoldUnitsAsync(
        OrderingDbContext db, Guid orderId, Guid eventId, string tier, int quantity, CancellationToken cancellationToken) =>
        HoldAsync(db, "event_id = {2} AND tier = {3}", [orderId, quantity, eventId, tier], cancellationToken);

    private static Task<List<TicketReplica>> HoldAsync(
        OrderingDbContext db, string candidates, object[] parameters, CancellationToken cancellationToken)
    {
        // PostgreSQL: SKIP LOCKED lets concurrent buyers pass over rows another transaction is
        // taking right now instead of queueing behind it (GA buyers spread over free units; a
        // seat being taken by someone else counts as unavailable), and rows are never locked in
        // two orders by two carts, so carts cannot deadlock. The locked rows are re-checked
        // against the filter at their newest version before they are returned.
        // SQLite: the transaction is BEGIN IMMEDIATE, so writers are serialised and the
        // sub-select sees every committed hold.
        var sql = db.IsPostgreSql
            ? $$"""
               WITH picked AS (
                   SELECT ticket_id FROM tickets WHERE {{candidates}} AND {{Free}}
                   ORDER BY ticket_id LIMIT {1} FOR UPDATE SKIP LOCKED)
               UPDATE tickets AS t SET held_by_order_id = {0}
               FROM picked WHERE t.ticket_id = picked.ticket_id
               RETURNING t.*
               """
            : $$"""
               UPDATE tickets SET held_by_order_id = {0}
               WHERE ticket_id IN (
                   SELECT ticket_id FROM tickets WHERE {{candidates}} AND {{Free}}
                   ORDER BY ticket_id LIMIT {1})
               RETURNING *
               """;
        return db.Tickets.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(cancellationToken);
    }
}
