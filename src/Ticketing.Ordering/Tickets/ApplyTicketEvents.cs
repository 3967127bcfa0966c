using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tickets;

/// <summary>
/// Keeps the ticket replica at the newest version Catalog published. Every ticket event carries
/// whole states (one, or a block of up to a thousand), so all are applied by one upsert: a row only
/// when newer than the replica's, which makes duplicates and stale (out-of-order) events no-ops,
/// lets a gap in versions pass, and lets single and bulk events interleave in any order.
/// </summary>
internal sealed class ApplyTicketEvents(OrderingDbContext db)
    : IIntegrationEventHandler<TicketCreated>, IIntegrationEventHandler<TicketUpdated>, IIntegrationEventHandler<TicketsChanged>
{
    public Task HandleAsync(TicketCreated e, CancellationToken cancellationToken) =>
        UpsertAsync([new(e.TicketId, e.Version, e.Title, e.PriceMinor, e.Currency, e.OwnerId, e.EventId, e.Tier, e.Seat, e.Status, e.OrderId)], cancellationToken);

    public Task HandleAsync(TicketUpdated e, CancellationToken cancellationToken) =>
        UpsertAsync([new(e.TicketId, e.Version, e.Title, e.PriceMinor, e.Currency, e.OwnerId, e.EventId, e.Tier, e.Seat, e.Status, e.OrderId)], cancellationToken);

    public Task HandleAsync(TicketsChanged e, CancellationToken cancellationToken) => UpsertAsync(e.Tickets, cancellationToken);

    /// <summary>
    /// One statement decides: insert on first sight, otherwise overwrite only when newer. It used to
    /// be an UPDATE, then an existence check, then an INSERT: under READ COMMITTED each statement sees
    /// a fresh snapshot, so when TicketCreated committed between the UPDATE and the check, a newer
    /// TicketUpdated found the row, took it for a newer version and was dropped (a published seat
    /// stayed withdrawn in Ordering for good). The states travel as one JSON parameter (SQLite
    /// json_each, PostgreSQL jsonb_to_recordset), so a block of a thousand is one statement too. The
    /// hold (held_by_order_id) is deliberately not in the SET list: Ordering owns it, not Catalog.
    /// </summary>
    private Task UpsertAsync(IReadOnlyList<TicketState> states, CancellationToken cancellationToken)
    {
        // One row per ticket (PostgreSQL refuses to upsert a row twice in one statement), in key
        // order, so two blocks touching the same tickets lock them in the same order.
        var rows = states
            .GroupBy(t => t.TicketId)
            .Select(g => g.MaxBy(t => t.Version)!)
            .OrderBy(t => t.TicketId)
            .ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var json = JsonSerializer.Serialize(rows, MessageSerializer.Options);
        return db.IsPostgreSql ? UpsertPostgresAsync(json, cancellationToken) : UpsertSqliteAsync(json, cancellationToken);
    }

    /// <summary>Guids are upper-case text on SQLite, as EF Core stores them.</summary>
    private Task UpsertSqliteAsync(string json, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO tickets (ticket_id, version, title, price_minor, currency, event_id, tier, seat, owner_id, status)
            SELECT upper(json_extract(value, '$.ticketId')), json_extract(value, '$.version'), json_extract(value, '$.title'),
                   json_extract(value, '$.priceMinor'), json_extract(value, '$.currency'), upper(json_extract(value, '$.eventId')),
                   json_extract(value, '$.tier'), json_extract(value, '$.seat'), upper(json_extract(value, '$.ownerId')),
                   json_extract(value, '$.status')
            FROM json_each({json}) WHERE true
            ON CONFLICT (ticket_id) DO UPDATE SET
                version = excluded.version, title = excluded.title, price_minor = excluded.price_minor,
                currency = excluded.currency, event_id = excluded.event_id, tier = excluded.tier,
                seat = excluded.seat, owner_id = excluded.owner_id, status = excluded.status
            WHERE tickets.version < excluded.version
            """, cancellationToken);

    private Task UpsertPostgresAsync(string json, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO tickets (ticket_id, version, title, price_minor, currency, event_id, tier, seat, owner_id, status)
            SELECT s."ticketId", s."version", s."title", s."priceMinor", s."currency", s."eventId", s."tier", s."seat", s."ownerId", s."status"
            FROM jsonb_to_recordset({json}::jsonb) AS s("ticketId" uuid, "version" integer, "title" text, "priceMinor" bigint,
                "currency" text, "eventId" uuid, "tier" text, "seat" text, "ownerId" uuid, "status" text)
            ON CONFLICT (ticket_id) DO UPDATE SET
                version = excluded.version, title = excluded.title, price_minor = excluded.price_minor,
                currency = excluded.currency, event_id = excluded.event_id, tier = excluded.tier,
                seat = excluded.seat, owner_id = excluded.owner_id, status = excluded.status
            WHERE tickets.version < excluded.version
            """, cancellationToken);
}
