using Npgsql;

namespace Ticketing.Reliability.Tests;

/// <summary>
/// Reads every service database directly and lists what breaks the platform's promises. The
/// system is eventually consistent, so <see cref="SettleAsync"/> polls until the list is empty
/// (then it is consistent for good: nothing is in flight) or the deadline passes.
/// </summary>
internal sealed class Audit(FaultCluster cluster)
{
    public async Task<(List<string> Problems, TimeSpan Took, string Figures)> SettleAsync(BuyingLoad load, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        var (problems, figures) = (new List<string> { "not audited" }, "");
        while (problems.Count > 0 && DateTime.UtcNow - started < timeout)
        {
            try
            {
                (problems, figures) = await ProblemsAsync(load);
            }
            catch (NpgsqlException ex)
            {
                problems = [$"database unreachable: {ex.Message}"];
            }

            if (problems.Count > 0)
            {
                await Task.Delay(1000);
            }
        }

        return (problems, DateTime.UtcNow - started, figures);
    }

    public async Task<bool> OrderingKnowsAsync(IReadOnlyCollection<Guid> tickets)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("ordering"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM tickets WHERE ticket_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", tickets.ToArray());
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == tickets.Count;
    }

    private async Task<(List<string> Problems, string Figures)> ProblemsAsync(BuyingLoad load)
    {
        var problems = new List<string>();
        var orders = await RowsAsync("ordering", "SELECT id, status FROM orders", r => (Id: r.GetGuid(0), Status: r.GetString(1)));
        var status = orders.ToDictionary(o => o.Id, o => o.Status);
        var lines = await RowsAsync("ordering", "SELECT order_id, ticket_id FROM order_tickets", r => (Order: r.GetGuid(0), Ticket: r.GetGuid(1)));
        Report(problems, "orders not in a terminal state", orders.Where(o => o.Status is not ("complete" or "cancelled")).Select(o => o.Id));
        Report(problems, "orders the API acknowledged but Ordering lost", load.OrdersCreated.Where(id => !status.ContainsKey(id)));
        Report(problems, "tickets in two live orders", lines.Where(l => status.GetValueOrDefault(l.Order) is "created" or "complete")
            .GroupBy(l => l.Ticket).Where(g => g.Count() > 1).Select(g => g.Key));

        var complete = orders.Where(o => o.Status == "complete").Select(o => o.Id).ToHashSet();
        var sold = await RowsAsync("catalog", "SELECT id, status, order_id FROM tickets WHERE status IN ('sold', 'reserved')",
            r => (Id: r.GetGuid(0), Status: r.GetString(1), Order: r.IsDBNull(2) ? Guid.Empty : r.GetGuid(2)));
        var soldTo = sold.Where(t => t.Status == "sold").ToDictionary(t => t.Id, t => t.Order);
        Report(problems, "catalog tickets still reserved", sold.Where(t => t.Status == "reserved").Select(t => t.Id));
        Report(problems, "catalog tickets sold outside a complete order", soldTo.Where(t => !complete.Contains(t.Value)).Select(t => t.Key));
        Report(problems, "tickets of complete orders not sold to them", lines.Where(l => complete.Contains(l.Order) && soldTo.GetValueOrDefault(l.Ticket) != l.Order).Select(l => l.Ticket));
        var passes = await RowsAsync("catalog", "SELECT order_id, count(*) FROM passes GROUP BY order_id", r => (Order: r.GetGuid(0), Count: r.GetInt64(1)));
        var passCount = passes.ToDictionary(p => p.Order, p => p.Count);
        Report(problems, "complete orders without exactly one pass per ticket",
            complete.Where(o => passCount.GetValueOrDefault(o) != lines.Count(l => l.Order == o)));

        var payments = await RowsAsync("payments", "SELECT order_id, status FROM payments", r => (Order: r.GetGuid(0), Status: r.GetString(1)));
        var paidOrders = payments.Where(p => p.Status == "succeeded").GroupBy(p => p.Order).ToDictionary(g => g.Key, g => g.Count());
        Report(problems, "payments the API acknowledged but Payments lost", load.PaymentsAccepted.Where(o => payments.All(p => p.Order != o)));
        Report(problems, "payments left pending", payments.Where(p => p.Status == "pending").Select(p => p.Order));
        Report(problems, "orders paid more than once", paidOrders.Where(p => p.Value > 1).Select(p => p.Key));
        Report(problems, "paid orders not complete", paidOrders.Keys.Where(o => !complete.Contains(o)));
        Report(problems, "complete orders without a successful payment", complete.Where(o => !paidOrders.ContainsKey(o)));

        foreach (var database in FaultCluster.Databases)
        {
            var unpublished = await ScalarAsync(database, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
            var dead = await ScalarAsync(database, "SELECT count(*) FROM dead_letter_messages");
            if (unpublished > 0)
            {
                problems.Add($"{database}: {unpublished} outbox rows unpublished");
            }

            if (dead > 0)
            {
                problems.Add($"{database}: {dead} dead-lettered events");
            }
        }

        await EventsAppliedExactlyOnceAsync(problems, complete, orders.Count(o => o.Status == "cancelled"));
        var figures = $"{orders.Count} orders ({complete.Count} complete, {orders.Count - complete.Count} cancelled), " +
            $"{payments.Count} payments, {passCount.Values.Sum()} passes";
        return (problems, figures);
    }

    /// <summary>
    /// Side effects counted against distinct events: one OrderCompleted/OrderCancelled per order,
    /// one ExpirationComplete per order, one notification per terminal order, and every consumer
    /// applied every published event of each type it handles (inboxes hold no gaps).
    /// </summary>
    private async Task EventsAppliedExactlyOnceAsync(List<string> problems, HashSet<Guid> complete, int cancelled)
    {
        var outbox = new List<(Guid Id, string Type, string Source, string? Order)>();
        foreach (var database in FaultCluster.Databases)
        {
            outbox.AddRange(await RowsAsync(database, "SELECT event_id, event_type, payload::jsonb->>'orderId' FROM outbox_messages",
                r => (r.GetGuid(0), r.GetString(1), database, r.IsDBNull(2) ? null : r.GetString(2))));
        }

        foreach (var type in new[] { "OrderCompleted", "OrderCancelled", "ExpirationComplete" })
        {
            Report(problems, $"orders with more than one {type}", outbox.Where(e => e.Type == type)
                .GroupBy(e => e.Order).Where(g => g.Count() > 1).Select(g => Guid.Parse(g.Key!)));
        }

        Report(problems, "complete orders without an OrderCompleted", complete.Where(o => !outbox.Any(e => e.Type == "OrderCompleted" && e.Order == o.ToString())));
        var typeOf = outbox.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().Type);
        foreach (var database in FaultCluster.Databases)
        {
            var inbox = await RowsAsync(database, "SELECT event_id, handler FROM inbox_messages", r => (Id: r.GetGuid(0), Handler: r.GetString(1)));
            foreach (var handler in inbox.GroupBy(i => i.Handler))
            {
                var seen = handler.Select(i => i.Id).ToHashSet();
                var types = seen.Where(typeOf.ContainsKey).Select(id => typeOf[id]).ToHashSet();
                var missing = outbox.Count(e => types.Contains(e.Type) && !seen.Contains(e.Id));
                if (missing > 0)
                {
                    problems.Add($"{database}: {handler.Key} has not applied {missing} published event(s) of {string.Join("/", types)}");
                }
            }
        }

        var completedNotes = await ScalarAsync("notifications", "SELECT count(*) FROM notifications WHERE kind = 'order-completed'");
        var cancelledNotes = await ScalarAsync("notifications", "SELECT count(*) FROM notifications WHERE kind LIKE 'order-cancelled-%'");
        if (completedNotes != complete.Count || cancelledNotes != cancelled)
        {
            problems.Add($"notifications: {completedNotes} order-completed for {complete.Count} complete orders, {cancelledNotes} order-cancelled for {cancelled} cancelled orders");
        }
    }

    private static void Report<T>(List<string> problems, string what, IEnumerable<T> offenders)
    {
        var list = offenders.Distinct().ToList();
        if (list.Count > 0)
        {
            problems.Add($"{list.Count} {what}: {string.Join(", ", list.Take(5))}");
        }
    }

    private async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<T>> RowsAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
