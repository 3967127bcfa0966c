using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tickets;

/// <summary>
/// Applies a block of ticket states with one upsert: each row only when newer than the replica's,
/// exactly as <see cref="ApplyTicketEvents"/> does for one ticket, so bulk and single events may
/// arrive in any order. The states travel to the database as one JSON parameter (SQLite json_each,
/// PostgreSQL jsonb_to_recordset): a thousand rows cost one statement, where a thousand handler
/// runs had a 100,000-unit tier on sale in Ordering only after minutes.
/// </summary>
internal sealed class ApplyTicketsChanged(OrderingDbContext db) : IIntegrationEventHandler<TicketsChanged>
{
    public Task HandleAsync(TicketsChanged e, CancellationToken cancellationToken)
    {
        // One row per ticket (PostgreSQL refuses to upsert a row twice in one statement), in key
        // order, so two blocks touching the same tickets lock them in the same order.
        var rows = e.Tickets
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
