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
    /// cancelled, and its event has no open waiting room unless the buyer's queue token admitted
    /// them to that event ({2}, at time {3}). Catalog's <c>reserved</c> does not block: holds are
    /// Ordering's own decision. The waiting-room test is part of the hold, not a read before it,
    /// so a room opening (or closing) between the two can never let a buyer skip the line.
    /// </summary>
    private const string Free =
        "held_by_order_id IS NULL AND status NOT IN ('sold', 'withdrawn') " +
        "AND (event_id IS NULL OR (event_id NOT IN (SELECT event_id FROM cancelled_events) " +
        "AND (event_id = {2} OR event_id NOT IN (SELECT event_id FROM waiting_rooms WHERE closes_at > {3}))))";

    /// <summary>The candidates' own parameters start after the shared ones (order, limit, admitted event, now).</summary>
    private const int FirstCandidateParameter = 4;

    public static Task<List<TicketReplica>> HoldTicketsAsync(
        OrderingDbContext db, Guid orderId, IReadOnlyList<Guid> ticketIds, Admitted admitted, CancellationToken cancellationToken)
    {
        var placeholders = string.Join(", ", ticketIds.Select((_, i) => $"{{{i + FirstCandidateParameter}}}"));
        return HoldAsync(db, $"ticket_id IN ({placeholders})", [orderId, ticketIds.Count, .. admitted.Parameters, .. ticketIds.Cast<object>()], cancellationToken);
    }

    public static Task<List<TicketReplica>> HoldUnitsAsync(
        OrderingDbContext db, Guid orderId, Guid eventId, string tier, int quantity, Admitted admitted, CancellationToken cancellationToken) =>
        HoldAsync(db, "event_id = {4} AND tier = {5}", [orderId, quantity, .. admitted.Parameters, eventId, tier], cancellationToken);

    /// <summary>
    /// How many of the candidates are free, up to the number wanted, read without taking the write
    /// lock. Only a refusal is decided from it (the hold itself is still the conditional update):
    /// once a tier sells out, most orders of a stampede are refusals, and they no longer queue
    /// behind the buyers who are still getting tickets.
    /// </summary>
    public static Task<int> CountFreeTicketsAsync(
        OrderingDbContext db, IReadOnlyList<Guid> ticketIds, Admitted admitted, CancellationToken cancellationToken)
    {
        var placeholders = string.Join(", ", ticketIds.Select((_, i) => $"{{{i + FirstCandidateParameter}}}"));
        return CountFreeAsync(db, $"ticket_id IN ({placeholders})", [Guid.Empty, ticketIds.Count, .. admitted.Parameters, .. ticketIds.Cast<object>()], cancellationToken);
    }

    public static Task<int> CountFreeUnitsAsync(
        OrderingDbContext db, Guid eventId, string tier, int quantity, Admitted admitted, CancellationToken cancellationToken) =>
        CountFreeAsync(db, "event_id = {4} AND tier = {5}", [Guid.Empty, quantity, .. admitted.Parameters, eventId, tier], cancellationToken);

    private static Task<int> CountFreeAsync(OrderingDbContext db, string candidates, object[] parameters, CancellationToken cancellationToken)
    {
        // {1} is the number wanted: counting stops there, so a 10,000-unit tier costs what a 4-unit one does.
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 AS one FROM tickets WHERE {candidates} AND {Free} LIMIT {{1}}) AS free";
        return db.Database.SqlQueryRaw<int>(sql, parameters).SingleAsync(cancellationToken);
    }

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

/// <summary>The event a queue token admitted the buyer to (none: <see cref="Guid.Empty"/>), as of <see cref="Now"/>.</summary>
internal readonly record struct Admitted(Guid EventId, DateTime Now)
{
    public object[] Parameters => [EventId, Now];
}
