-- One general-admission reservation (POST /api/orders with eventId, tier, quantity) as the ordering
-- process issues it on PostgreSQL, captured from EF's command log
-- (Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information):
--   1. BEGIN + the hold (Npgsql sends BEGIN with the first statement: one round trip);
--   2. SaveChanges: the order, its OrderCreated outbox row and its lines, one batch (one round trip);
--   3. COMMIT.
-- Values are pgbench variables; :event is passed with -D. Only difference: EF writes the lines as
-- one VALUES row per held ticket, pgbench cannot loop, so the same rows come from generate_series.
\set qty random(1, 4)
\set o random(1, 1000000000000)
BEGIN;
WITH picked AS (
    SELECT ticket_id FROM tickets WHERE event_id = ':event'::uuid AND tier = 'GA' AND held_by_order_id IS NULL AND status NOT IN ('sold', 'withdrawn') AND (event_id IS NULL OR event_id NOT IN (SELECT event_id FROM cancelled_events))
    ORDER BY ticket_id LIMIT :qty FOR UPDATE SKIP LOCKED)
UPDATE tickets AS t SET held_by_order_id = md5(:o::text)::uuid
FROM picked WHERE t.ticket_id = picked.ticket_id
RETURNING t.*;
INSERT INTO orders (id, created_at, currency, expires_at, status, total_minor, user_id, version)
VALUES (md5(:o::text)::uuid, now(), 'EUR', now() + interval '20 seconds', 'created', 4550 * :qty, md5((:o + 1)::text)::uuid, 1) \;
INSERT INTO outbox_messages (attempts, event_id, event_type, last_error, occurred_at, payload, published_at)
VALUES (0, md5((:o + 2)::text)::uuid, 'OrderCreated', NULL, now(), '{"orderId":"01a21aff-2461-735a-b0ce-77f186fdaab4","version":1,"userId":"01a21aff-2461-735a-b0ce-77f186fdaab5","expiresAt":"2026-11-27T03:20:00+00:00","totalMinor":9100,"currency":"EUR","tickets":[{"ticketId":"01a21aff-2461-735a-b0ce-77f186fdaab6","priceMinor":4550,"title":"Flash sale","seat":null,"tier":"GA"}],"id":"01a21aff-2461-735a-b0ce-77f186fdaab7","occurredAt":"2026-11-27T03:19:40+00:00"}', NULL)
RETURNING sequence \;
INSERT INTO order_tickets (order_id, ticket_id, price_minor, seat, tier, title)
SELECT md5(:o::text)::uuid, md5((:o + 2 + g)::text)::uuid, 4550, NULL, 'GA', 'Flash sale' FROM generate_series(1, :qty) AS g;
COMMIT;
