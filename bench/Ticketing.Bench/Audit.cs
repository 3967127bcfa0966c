using System.Text.Json;

namespace Ticketing.Bench;

internal sealed record Check(string Name, bool Passed, string Detail);

/// <summary>The correctness audit: the databases and the API after the run, never the client's own bookkeeping.</summary>
internal static class Audit
{
    public static async Task<List<Check>> RunAsync(Api api, ServiceDatabases db, Sale sale, StampedeResult stampede)
    {
        var checks = new List<Check>();
        var ev = db.Id(sale.EventId);

        // Catalog: sold never exceeds what exists, per tier.
        var tiers = await db.QueryAsync("catalog",
            $"SELECT tier, COUNT(*), SUM(CASE WHEN status = 'sold' THEN 1 ELSE 0 END) FROM tickets WHERE event_id = {ev} GROUP BY tier");
        var sold = tiers.ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[2] ?? 0L, System.Globalization.CultureInfo.InvariantCulture));
        var capacity = tiers.ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
        checks.Add(new Check("inventory intact", capacity.GetValueOrDefault(Sale.SeatTier) == Sale.SeatCount && capacity.GetValueOrDefault(Sale.GaTier) == sale.GaCount,
            string.Join(", ", capacity.Select(c => $"{c.Key} {c.Value} tickets"))));
        checks.Add(new Check("sold <= inventory", sold.All(s => s.Value <= capacity[s.Key]),
            string.Join(", ", sold.Select(s => $"{s.Key} {s.Value}/{capacity[s.Key]} sold"))));

        // Ordering: a ticket is in at most one live (created or complete) order.
        var doubles = await db.ScalarAsync("ordering",
            "SELECT COUNT(*) FROM (SELECT ot.ticket_id FROM order_tickets ot JOIN orders o ON o.id = ot.order_id " +
            "WHERE o.status IN ('created', 'complete') GROUP BY ot.ticket_id HAVING COUNT(*) > 1) d");
        checks.Add(new Check("no ticket in two live orders", doubles == 0, $"{doubles} tickets in more than one live order"));

        checks.Add(await NeverHeldTwiceAsync(db));

        var statuses = await db.QueryAsync("ordering", "SELECT status, COUNT(*) FROM orders GROUP BY status");
        var open = statuses.Where(s => (string)s[0]! == "created").Sum(s => Convert.ToInt64(s[1], System.Globalization.CultureInfo.InvariantCulture));
        checks.Add(new Check("every order terminal", open == 0, string.Join(", ", statuses.Select(s => $"{s[0]} {s[1]}"))));

        // Completed orders (Ordering) against sold tickets and passes (Catalog).
        var completedLines = (await db.QueryAsync("ordering",
                "SELECT ot.order_id, ot.ticket_id FROM order_tickets ot JOIN orders o ON o.id = ot.order_id WHERE o.status = 'complete'"))
            .Select(r => (Order: ServiceDatabases.AsGuid(r[0]), Ticket: ServiceDatabases.AsGuid(r[1]))).ToHashSet();
        var passes = (await db.QueryAsync("catalog", "SELECT order_id, ticket_id FROM passes"))
            .Select(r => (Order: ServiceDatabases.AsGuid(r[0]), Ticket: ServiceDatabases.AsGuid(r[1]))).ToHashSet();
        var missing = completedLines.Except(passes).Count();
        var extra = passes.Except(completedLines).Count();
        checks.Add(new Check("completed orders have exactly their passes", missing == 0 && extra == 0,
            $"{completedLines.Count} ordered tickets in completed orders, {passes.Count} passes, {missing} missing, {extra} extra"));
        var soldTotal = sold.Values.Sum();
        checks.Add(new Check("sold = tickets of completed orders", soldTotal == completedLines.Count,
            $"{soldTotal} sold in Catalog, {completedLines.Count} in completed orders"));
        var stillHeld = await db.ScalarAsync("ordering",
            $"SELECT COUNT(*) FROM tickets t WHERE t.event_id = {ev} AND t.held_by_order_id IS NOT NULL " +
            "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = t.held_by_order_id AND o.status = 'complete')");
        checks.Add(new Check("no hold left by a cancelled order", stillHeld == 0, $"{stillHeld} tickets held by orders that are not complete"));

        long unpublished = 0, deadLetters = 0;
        foreach (var service in ServiceDatabases.Services)
        {
            unpublished += await db.ScalarAsync(service, "SELECT COUNT(*) FROM outbox_messages WHERE published_at IS NULL");
            deadLetters += await db.ScalarAsync(service, "SELECT COUNT(*) FROM dead_letter_messages");
        }

        checks.Add(new Check("no outbox row unpublished", unpublished == 0, $"{unpublished} unpublished in {ServiceDatabases.Services.Length} databases"));
        checks.Add(new Check("no dead letters", deadLetters == 0, $"{deadLetters} dead-lettered messages"));

        await ApiChecksAsync(api, sale, stampede, sold, capacity, completedLines, checks);
        return checks;
    }

    /// <summary>
    /// The check above sees only the end state; this one sees the whole run. Ordering writes
    /// OrderCreated in the transaction that takes the holds and OrderCancelled in the one that
    /// releases them, so replaying its outbox in sequence order replays the holds in commit order:
    /// on SQLite one writer assigns the sequence, on PostgreSQL a transaction that waited for a
    /// hold's release draws its sequence number after the releasing one drew its own.
    /// </summary>
    private static async Task<Check> NeverHeldTwiceAsync(ServiceDatabases db)
    {
        var holder = new Dictionary<Guid, Guid>();
        var rows = await db.QueryAsync("ordering",
            "SELECT event_type, payload FROM outbox_messages WHERE event_type IN ('OrderCreated', 'OrderCancelled') ORDER BY sequence");
        long overlaps = 0, created = 0;
        foreach (var row in rows)
        {
            using var payload = JsonDocument.Parse((string)row[1]!);
            var order = payload.RootElement.GetProperty("orderId").GetGuid();
            if ((string)row[0]! == "OrderCreated")
            {
                created++;
                foreach (var ticket in payload.RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetGuid()))
                {
                    overlaps += holder.TryAdd(ticket, order) ? 0 : 1;
                }
            }
            else
            {
                foreach (var ticket in payload.RootElement.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetGuid()))
                {
                    if (holder.TryGetValue(ticket, out var current) && current == order)
                    {
                        holder.Remove(ticket);
                    }
                }
            }
        }

        return new Check("no ticket held by two orders at once, over the whole run", overlaps == 0,
            $"{created} orders replayed from Ordering's outbox in commit order, {overlaps} holds of a ticket another order held");
    }

    /// <summary>The public view must agree: live availability, and each paying buyer's passes.</summary>
    private static async Task ApiChecksAsync(
        Api api, Sale sale, StampedeResult stampede, Dictionary<string, long> sold, Dictionary<string, long> capacity,
        HashSet<(Guid Order, Guid Ticket)> completedLines, List<Check> checks)
    {
        var view = await api.CallAsync<EventDto>(HttpMethod.Get, $"api/events/{sale.EventId}", null);
        var agrees = view.Tiers.All(t => t.Capacity == capacity.GetValueOrDefault(t.Tier) && t.Available == t.Capacity - sold.GetValueOrDefault(t.Tier));
        checks.Add(new Check("API availability = capacity - sold", agrees,
            string.Join(", ", view.Tiers.Select(t => $"{t.Tier} {t.Available}/{t.Capacity} available"))));

        var perOrder = completedLines.GroupBy(l => l.Order).ToDictionary(g => g.Key, g => g.Select(l => l.Ticket).ToHashSet());
        var paying = stampede.Reservations.Where(r => perOrder.ContainsKey(r.OrderId)).ToList();
        var mismatches = 0;
        await Parallel.ForEachAsync(paying, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, _) =>
        {
            var list = await api.CallAsync<List<PassDto>>(HttpMethod.Get, "api/passes?pageSize=50", r.Buyer.Token);
            if (!list.Where(p => p.OrderId == r.OrderId).Select(p => p.TicketId).ToHashSet().SetEquals(perOrder[r.OrderId]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        checks.Add(new Check("API passes = completed order's tickets", mismatches == 0,
            $"{paying.Count} buyers' GET /api/passes checked, {mismatches} differ"));
    }
}
