using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Ticketing.Bench;

/// <summary>
/// The <c>--attempts N</c> mode: instead of one stampede, every buyer keeps ordering until N
/// reservation attempts were sent, so that the same tickets are held, released and held again
/// under contention for a long time. A buyer keeps up to <see cref="BenchOptions.Keep"/> live
/// orders and cancels the oldest when it gets another; a share (<see cref="BenchOptions.PayShare"/>)
/// is paid instead, so the inventory slowly sells out and the last units are fought over.
/// Seat orders pick random, not adjacent, seats: most of them collide with a live hold.
/// The proof is the audit (the databases, Ordering's outbox replayed in commit order); the
/// client's own check below only reports early what the audit will find.
/// </summary>
internal static class Churn
{
    public static async Task<StampedeResult> RunAsync(Api api, BenchOptions options, Sale sale)
    {
        var result = new StampedeResult();
        var holders = new ConcurrentDictionary<Guid, OrderDto>();
        var clock = Stopwatch.StartNew();
        result.StartedAt = DateTime.UtcNow;
        await using (ProgressLine.Start("attempts", () =>
            $"{Volatile.Read(ref result.Attempts)}/{options.Attempts} orders sent, {result.Reservations.Count} paid, " +
            $"{result.Statuses.GetValueOrDefault("POST /api/orders 201")} reserved, {result.Statuses.GetValueOrDefault("POST /api/orders 409")} refused, " +
            $"{result.Statuses.GetValueOrDefault("client saw a held ticket again")} double holds seen, " +
            $"{Volatile.Read(ref result.Attempts) / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0} attempts/s"))
        {
            await Task.WhenAll(sale.Buyers.Select(buyer => Task.Run(() => BuyerAsync(api, options, sale, buyer, result, holders, clock))));
        }

        result.DurationSeconds = clock.Elapsed.TotalSeconds;
        // Each buyer's last increment found the budget spent and sent nothing.
        result.Attempts = Math.Min(result.Attempts, options.Attempts);
        return result;
    }

    private static async Task BuyerAsync(
        Api api, BenchOptions options, Sale sale, Buyer buyer, StampedeResult result, ConcurrentDictionary<Guid, OrderDto> holders, Stopwatch clock)
    {
        var random = new Random(buyer.Index);
        var live = new Queue<OrderDto>();
        var seats = options.HotSeats > 0 ? sale.Seats.Take(options.HotSeats).ToList() : sale.Seats;
        while (Interlocked.Increment(ref result.Attempts) <= options.Attempts)
        {
            var wantsSeats = random.NextDouble() < options.SeatShare;
            var quantity = random.Next(1, 5);
            object body = wantsSeats
                ? new { ticketIds = Enumerable.Range(0, quantity).Select(_ => seats[random.Next(seats.Count)].Id).Distinct().ToArray() }
                : new { eventId = sale.EventId, tier = Sale.GaTier, quantity };
            var sentAt = DateTime.UtcNow;
            var started = clock.Elapsed;
            HttpResponseMessage response;
            try
            {
                response = await api.SendAsync(HttpMethod.Post, "api/orders", buyer.Token, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                result.Count($"exception {e.GetType().Name}");
                continue;
            }

            using var answered = response;
            var latency = (clock.Elapsed - started).TotalMilliseconds;
            result.OrderLatenciesMs.Add(latency);
            result.Count($"POST /api/orders {(int)response.StatusCode}");
            if (await Stampede.WaitIfBusyAsync(response, DateTime.MaxValue, random))
            {
                continue;
            }

            if (response.StatusCode != HttpStatusCode.Created)
            {
                // A refused buyer lets go of its oldest hold: without it the live holds fill the
                // inventory and every later attempt is a refusal, so nothing is fought over again.
                if (response.StatusCode == HttpStatusCode.Conflict && live.TryDequeue(out var oldest))
                {
                    await CancelAsync(api, buyer, oldest, result, holders);
                }

                continue;
            }

            var order = await api.ReadAsync<OrderDto>(response);
            foreach (var line in order.Tickets)
            {
                // A hold that ran out was rightly released by the platform (BENCH_HOLD longer than the run avoids it).
                var previous = holders.GetOrAdd(line.Id, order);
                if (previous.Id != order.Id && !(previous.Status != "complete" && previous.ExpiresAt < DateTime.UtcNow))
                {
                    result.Count("client saw a held ticket again");
                }

                holders[line.Id] = order;
            }

            if (random.NextDouble() < options.PayShare)
            {
                // Paid tickets stay in holders, marked sold: a later order that names them again is a double sale.
                await PayAsync(api, buyer, order.Id, result);
                foreach (var line in order.Tickets)
                {
                    holders[line.Id] = order with { Status = "complete" };
                }

                result.Reservations.Add(new Reservation(buyer, order.Id, wantsSeats ? Sale.SeatTier : Sale.GaTier, order.Tickets.Count,
                    false, sentAt, latency, clock.Elapsed.TotalSeconds));
                continue;
            }

            live.Enqueue(order);
            if (live.Count > options.Keep)
            {
                await CancelAsync(api, buyer, live.Dequeue(), result, holders);
            }
        }

        while (live.TryDequeue(out var order))
        {
            await CancelAsync(api, buyer, order, result, holders);
        }
    }

    private static async Task PayAsync(Api api, Buyer buyer, Guid orderId, StampedeResult result)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "api/payments", buyer.Token,
            new { orderId, paymentMethod = "pm_card_visa" }, $"churn-{orderId}");
        result.Count($"POST /api/payments {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Created)
        {
            Interlocked.Increment(ref result.PaymentsAccepted);
        }
    }

    /// <summary>The tickets leave the client's holders before the cancel is sent: once it is sent, another buyer may rightly get them.</summary>
    private static async Task CancelAsync(Api api, Buyer buyer, OrderDto order, StampedeResult result, ConcurrentDictionary<Guid, OrderDto> holders)
    {
        foreach (var line in order.Tickets)
        {
            holders.TryRemove(new KeyValuePair<Guid, OrderDto>(line.Id, order));
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await api.SendAsync(HttpMethod.Delete, $"api/orders/{order.Id}", buyer.Token);
            result.Count($"DELETE /api/orders {(int)response.StatusCode}");
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
            {
                return;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
