using System.Diagnostics;
using System.Text.Json;

namespace Ticketing.Bench;

/// <summary>How long a very large general-admission tier takes to create, and to be on sale in Ordering.</summary>
/// <summary>Seconds from the first generate call: all units created, event published, all on sale in Ordering.</summary>
internal sealed record BigTierResult(int Units, double CreateSeconds, double PublishedSeconds, double OnSaleSeconds);

/// <summary>
/// Generates <c>--big-tier</c> GA units on a fresh event (in calls of at most Catalog's per-call
/// limit), publishes it, and waits until Ordering's replica holds every unit as available: a stadium
/// on-sale must be buyable everywhere seconds after the organizer presses publish.
/// </summary>
internal static class BigTier
{
    /// <summary>Catalog's default <c>Catalog:MaxTicketsPerCall</c>.</summary>
    private const int PerCall = 20_000;

    public static async Task<BigTierResult> RunAsync(Api api, BenchOptions options, ServiceDatabases databases)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var organizer = await api.SignUpAsync($"stadium-{run}@bench.example.com", "bench-password-123");
        var start = DateTimeOffset.UtcNow.AddDays(60);
        var show = await api.CallAsync<EventDto>(HttpMethod.Post, "api/events", organizer, new
        {
            title = $"Stadium {run}", description = "", venue = "Stadium", startsAt = start, endsAt = start.AddHours(4), currency = "EUR",
        });

        ProgressLine.Log($"big tier: generating {options.BigTier} units");
        var clock = Stopwatch.StartNew();
        for (var made = 0; made < options.BigTier; made += PerCall)
        {
            await api.CallAsync<JsonElement>(HttpMethod.Post, $"api/events/{show.Id}/tickets", organizer,
                new { tier = "Field", price = 60, quantity = Math.Min(PerCall, options.BigTier - made) });
        }

        var created = clock.Elapsed.TotalSeconds;
        await api.CallAsync<EventDto>(HttpMethod.Post, $"api/events/{show.Id}/publish", organizer);
        var published = clock.Elapsed.TotalSeconds;
        long onSale = 0;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        await using (ProgressLine.Start("big tier", () => $"{onSale}/{options.BigTier} units on sale in Ordering"))
        {
            while (onSale < options.BigTier && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
                onSale = await databases.ScalarAsync("ordering",
                    $"SELECT COUNT(*) FROM tickets WHERE event_id = {databases.Id(show.Id)} AND status = 'available'");
            }
        }

        ProgressLine.Log($"big tier: {options.BigTier} units created in {created:F1}s, published at {published:F1}s, on sale in Ordering at {clock.Elapsed.TotalSeconds:F1}s");
        return new BigTierResult(options.BigTier, created, published, onSale >= options.BigTier ? clock.Elapsed.TotalSeconds : double.NaN);
    }
}
