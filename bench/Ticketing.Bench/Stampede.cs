using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Ticketing.Bench;

/// <summary>One successful reservation as the buyer saw it.</summary>
internal sealed record Reservation(Buyer Buyer, Guid OrderId, string Tier, int Quantity, bool Abandoned, DateTime SentAt, double LatencyMs, double AtSeconds);

internal sealed class StampedeResult
{
    public DateTime StartedAt { get; set; }
    public double DurationSeconds { get; set; }
    public ConcurrentBag<Reservation> Reservations { get; } = [];
    /// <summary>Latency of every answered POST /api/orders, whatever its status.</summary>
    public ConcurrentBag<double> OrderLatenciesMs { get; } = [];
    /// <summary>Seconds since the sale opened at which each POST /api/orders was answered.</summary>
    public ConcurrentBag<double> OrderAnsweredAt { get; } = [];
    public ConcurrentDictionary<string, int> Statuses { get; } = new();
    public ConcurrentDictionary<string, double> SoldOutAtSeconds { get; } = new();
    /// <summary>Each buyer's stay in the waiting room; empty when the sale has none.</summary>
    public ConcurrentBag<LinePlace> Line { get; } = [];
    public int InLine;
    public int Attempts;
    public int BuyersDone;
    public int PaymentsAccepted;

    public void Count(string what) => Statuses.AddOrUpdate(what, 1, (_, n) => n + 1);
}

/// <summary>Every buyer hits the sale at the same moment, over one shared keep-alive pool.</summary>
internal static class Stampede
{
    private const int SeatAttempts = 3;

    public static async Task<StampedeResult> RunAsync(Api api, BenchOptions options, Sale sale)
    {
        var result = new StampedeResult();
        var taken = new ConcurrentDictionary<Guid, bool>();
        var held = new ConcurrentDictionary<string, int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var seatRows = sale.Seats.GroupBy(s => s.Seat!.Split('-')[0]).Select(g => g.OrderBy(s => SeatNumber(s.Seat!)).ToList()).ToList();
        var buyers = sale.Buyers.Select(buyer => Task.Run(async () =>
        {
            var random = new Random(buyer.Index);
            var quantity = random.Next(1, 5);
            var wantsSeats = random.NextDouble() < options.SeatShare;
            var abandons = random.NextDouble() < options.AbandonShare;
            await gate.Task;
            try
            {
                var turn = options.WaitingRoomMinutes > 0
                    ? await WaitingLine.WaitForTurnAsync(api, sale, buyer, result, clock, random)
                    : new Turn(null);
                if (turn is not null)
                {
                    await BuyAsync(api, sale, buyer, result, clock, random, quantity, wantsSeats, abandons, seatRows, taken, held, turn);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                result.Count($"exception {e.GetType().Name}");
            }
            finally
            {
                Interlocked.Increment(ref result.BuyersDone);
            }
        })).ToList();

        await using (ProgressLine.Start("stampede", () =>
            $"{Volatile.Read(ref result.BuyersDone)}/{sale.Buyers.Count} buyers done, " +
            (options.WaitingRoomMinutes > 0 ? $"{Volatile.Read(ref result.InLine)} in line, " : "") +
            $"{Volatile.Read(ref result.Attempts)} orders sent, " +
            $"{result.Reservations.Count} reserved, {Volatile.Read(ref result.PaymentsAccepted)} paid, {result.Reservations.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0} res/s"))
        {
            result.StartedAt = DateTime.UtcNow;
            clock.Start();
            gate.SetResult();
            await Task.WhenAll(buyers);
            result.DurationSeconds = clock.Elapsed.TotalSeconds;
        }

        return result;
    }

    private static async Task BuyAsync(
        Api api, Sale sale, Buyer buyer, StampedeResult result, Stopwatch clock, Random random, int quantity, bool wantsSeats, bool abandons,
        List<List<TicketDto>> seatRows, ConcurrentDictionary<Guid, bool> taken, ConcurrentDictionary<string, int> held, Turn turn)
    {
        // Sent with every attempt: the token stays valid until the room closes, and a 429 (turn not come yet) is retried below.
        var headers = turn.QueueToken is { } token ? new Dictionary<string, string> { ["Queue-Token"] = token } : null;
        for (var attempt = 0; attempt < (wantsSeats ? SeatAttempts : 1); attempt++)
        {
            object body;
            if (wantsSeats)
            {
                var pick = PickSeats(seatRows, taken, quantity, random);
                if (pick is null)
                {
                    result.Count("seats sold out (not sent)");
                    return;
                }

                body = new { ticketIds = pick };
            }
            else
            {
                body = new { eventId = sale.EventId, tier = Sale.GaTier, quantity };
            }

            var sentAt = DateTime.UtcNow;
            var busyDeadline = sentAt.AddSeconds(60);
            HttpResponseMessage response;
            double latency;
            while (true)
            {
                var started = clock.Elapsed;
                Interlocked.Increment(ref result.Attempts);
                response = await api.SendAsync(HttpMethod.Post, "api/orders", buyer.Token, body, headers: headers);
                latency = (clock.Elapsed - started).TotalMilliseconds;
                result.OrderLatenciesMs.Add(latency);
                result.OrderAnsweredAt.Add(clock.Elapsed.TotalSeconds);
                result.Count($"POST /api/orders {(int)response.StatusCode}");
                // A server at capacity says when to come back; a checkout page waits and tries again.
                if (!await WaitIfBusyAsync(response, busyDeadline, random))
                {
                    break;
                }

                response.Dispose();
            }

            using var answered = response;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var order = await api.ReadAsync<OrderDto>(response);
                var tier = wantsSeats ? Sale.SeatTier : Sale.GaTier;
                foreach (var line in order.Tickets)
                {
                    taken[line.Id] = true;
                }

                var total = held.AddOrUpdate(tier, quantity, (_, n) => n + quantity);
                if (total >= (wantsSeats ? Sale.SeatCount : sale.GaCount))
                {
                    result.SoldOutAtSeconds.TryAdd(tier, clock.Elapsed.TotalSeconds);
                }

                result.Reservations.Add(new Reservation(buyer, order.Id, tier, quantity, abandons, sentAt, latency, clock.Elapsed.TotalSeconds));
                if (!abandons)
                {
                    await PayAsync(api, buyer, order.Id, result, random);
                }

                return;
            }

            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Payments learns the order from OrderCreated, asynchronously: a 404 right after the order
    /// was created means "not yet", so the buyer retries for a while, as a checkout page would.
    /// </summary>
    private static async Task PayAsync(Api api, Buyer buyer, Guid orderId, StampedeResult result, Random random)
    {
        // Backs off from 1 s to 4 s with jitter: a tighter loop from thousands of buyers starves
        // the very consumer that would make the order known (see docs/benchmarks.md).
        var delay = TimeSpan.FromSeconds(1);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // A 404 is stored under its Idempotency-Key and replayed, so each retry needs a new key.
        var attempt = 0;
        while (true)
        {
            using var response = await api.SendAsync(HttpMethod.Post, "api/payments", buyer.Token,
                new { orderId, paymentMethod = "pm_card_visa" }, $"bench-{orderId}-{attempt++}");
            result.Count($"POST /api/payments {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref result.PaymentsAccepted);
                return;
            }

            if (await WaitIfBusyAsync(response, deadline, random))
            {
                continue;
            }

            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(delay * (0.5 + random.NextDouble()));
            delay = TimeSpan.FromSeconds(Math.Min(4, delay.TotalSeconds * 2));
        }
    }

    /// <summary>Waits out a 503 or 429 as its Retry-After asks (with jitter) unless past the deadline; true when it waited.</summary>
    internal static async Task<bool> WaitIfBusyAsync(HttpResponseMessage response, DateTime deadline, Random random)
    {
        if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests) || DateTime.UtcNow > deadline)
        {
            return false;
        }

        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        await Task.Delay(wait * (0.5 + random.NextDouble()));
        return true;
    }

    /// <summary>Adjacent seats in a random row, avoiding seats this run already saw taken.</summary>
    private static Guid[]? PickSeats(List<List<TicketDto>> rows, ConcurrentDictionary<Guid, bool> taken, int quantity, Random random)
    {
        var start = random.Next(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[(start + r) % rows.Count];
            var free = Enumerable.Range(0, row.Count - quantity + 1)
                .Where(i => row.Skip(i).Take(quantity).All(s => !taken.ContainsKey(s.Id)))
                .ToList();
            if (free.Count > 0)
            {
                var first = free[random.Next(free.Count)];
                return row.Skip(first).Take(quantity).Select(s => s.Id).ToArray();
            }
        }

        return null;
    }

    private static int SeatNumber(string seat) => int.Parse(seat[(seat.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
