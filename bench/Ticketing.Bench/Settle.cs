using System.Text.Json;

namespace Ticketing.Bench;

/// <summary>What the databases say happened after the buyers let go.</summary>
internal sealed record Outcome(
    Dictionary<Guid, DateTime> CompletedAt,
    Dictionary<Guid, DateTime> ExpiredAt,
    Dictionary<Guid, DateTime> ExpiresAt,
    double SettleSeconds);

/// <summary>
/// Waits until every order is terminal, every outbox is drained and the consumers are idle (no
/// inbox grew over two polls a second apart: a drained outbox only means the events reached the
/// broker, and under a distributed run's backlog the handlers finish many seconds later), then
/// reads the completion and expiry moments from Ordering's outbox: each OrderCompleted/
/// OrderCancelled row carries the time it was written, in the same transaction as the status
/// change, so nothing polls the API.
/// </summary>
internal static class Settle
{
    public static async Task<Outcome> RunAsync(ServiceDatabases databases, BenchOptions options, StampedeResult stampede)
    {
        var started = DateTime.UtcNow;
        // Abandoned holds cannot be released before they expire, nor holds extended by a checkout
        // whose payment never came before the extension ends.
        var deadline = started + options.HoldDuration + options.PaymentWindow + options.SettleTimeout;
        long open = -1, unpublished = -1, handled = -1;
        var quietPolls = 0;
        await using (ProgressLine.Start("settle", () => $"{open} orders still created, {unpublished} outbox rows unpublished"))
        {
            while (DateTime.UtcNow < deadline)
            {
                open = await databases.ScalarAsync("ordering", "SELECT COUNT(*) FROM orders WHERE status = 'created'");
                var handledBefore = handled;
                unpublished = 0;
                handled = 0;
                foreach (var service in ServiceDatabases.Services)
                {
                    unpublished += await databases.ScalarAsync(service, "SELECT COUNT(*) FROM outbox_messages WHERE published_at IS NULL");
                    handled += await databases.ScalarAsync(service, "SELECT COUNT(*) FROM inbox_messages");
                }

                quietPolls = handled == handledBefore ? quietPolls + 1 : 0;
                if (open == 0 && unpublished == 0 && quietPolls >= 2)
                {
                    break;
                }

                await Task.Delay(1000);
            }
        }

        var settle = (DateTime.UtcNow - started).TotalSeconds;
        var completed = new Dictionary<Guid, DateTime>();
        var expired = new Dictionary<Guid, DateTime>();
        var rows = await databases.QueryAsync("ordering",
            "SELECT event_type, payload, occurred_at FROM outbox_messages WHERE event_type IN ('OrderCompleted', 'OrderCancelled')");
        foreach (var row in rows)
        {
            using var payload = JsonDocument.Parse((string)row[1]!);
            var orderId = payload.RootElement.GetProperty("orderId").GetGuid();
            var at = ServiceDatabases.AsUtc(row[2]);
            if ((string)row[0]! == "OrderCompleted")
            {
                completed[orderId] = at;
            }
            else if (payload.RootElement.GetProperty("reason").GetString() == "expired")
            {
                expired[orderId] = at;
            }
        }

        var expiresAt = new Dictionary<Guid, DateTime>();
        foreach (var row in await databases.QueryAsync("ordering", "SELECT id, expires_at FROM orders"))
        {
            expiresAt[ServiceDatabases.AsGuid(row[0])] = ServiceDatabases.AsUtc(row[1]);
        }

        return new Outcome(completed, expired, expiresAt, settle);
    }
}
