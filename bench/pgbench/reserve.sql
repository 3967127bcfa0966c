-- One general-admission reservation (POST /api/orders with eventId, tier, quantity) on PostgreSQL:
-- DRAFT, replaced by the statements captured from EF's command log.
\set qty random(1, 4)
\set o random(1, 9223372036854775807)
BEGIN;
WITH picked AS (
    SELECT ticket_id FROM tickets WHERE event_id = ':event'::uuid AND tier = 'GA' AND held_by_order_id IS NULL AND status NOT IN ('sold', 'withdrawn') AND (event_id IS NULL OR event_id NOT IN (SELECT event_id FROM cancelled_events))
    ORDER BY ticket_id LIMIT :qty FOR UPDATE SKIP LOCKED)
UPDATE tickets AS t SET held_by_order_id = md5(:o::text)::uuid
FROM picked WHERE t.ticket_id = picked.ticket_id
RETURNING t.*;
COMMIT;
