using System.Globalization;
using System.Text.Json;

namespace Ticketing.Bench;

/// <summary>The sale's waiting room as Ordering opened it (null: the sale has none).</summary>
internal sealed record WaitingRoomSchedule(double AdmitPerSecond, DateTime OpensAt, DateTime ClosesAt);

internal sealed record Sale(Guid EventId, string Organizer, IReadOnlyList<TicketDto> Seats, List<Buyer> Buyers, int GaCount, WaitingRoomSchedule? Room = null)
{
    public const string SeatTier = "Floor";
    public const string GaTier = "GA";
    public const int SeatCount = 1000;

    public int Inventory => SeatCount + GaCount;
}

/// <summary>Everything before the sale opens, through the public API only.</summary>
internal static class Setup
{
    private const string Password = "bench-password-1";

    public static async Task<Sale> RunAsync(Api api, BenchOptions options, ServiceDatabases databases)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var organizer = await api.SignUpAsync($"organizer-{run}@bench.example.com", Password);
        var start = DateTimeOffset.UtcNow.AddDays(30);
        var created = await api.CallAsync<EventDto>(HttpMethod.Post, "api/events", organizer, new
        {
            title = $"Flash sale {run}",
            description = "Benchmark event",
            venue = "Bench Arena",
            startsAt = start,
            endsAt = start.AddHours(3),
            currency = "EUR",
            // Null is left out of the body, so a run without a waiting room sends what it always sent.
            waitingRoomMinutes = options.WaitingRoomMinutes > 0 ? options.WaitingRoomMinutes : (int?)null,
        });
        // The line's schedule starts at publication and admits numbers the buyers were not there
        // to take, so a waiting-room sale is published last, when the buyers are ready.
        var publishLast = options.WaitingRoomMinutes > 0;
        if (!publishLast)
        {
            await api.CallAsync<EventDto>(HttpMethod.Post, $"api/events/{created.Id}/publish", organizer);
        }

        // 25 rows of 40: 1,000 reserved seats.
        var rows = Enumerable.Range(0, 25).Select(i => ((char)('A' + i)).ToString()).ToArray();
        await api.CallAsync<JsonElement>(HttpMethod.Post, $"api/events/{created.Id}/tickets", organizer,
            new { tier = Sale.SeatTier, price = 80, section = "Floor", rows, seatsPerRow = Sale.SeatCount / rows.Length });
        await api.CallAsync<JsonElement>(HttpMethod.Post, $"api/events/{created.Id}/tickets", organizer,
            new { tier = Sale.GaTier, price = 45.5, quantity = options.GaUnits });

        var buyers = await SignUpBuyersAsync(api, options, run);
        WaitingRoomSchedule? room = null;
        if (!publishLast)
        {
            await WaitForReplicaAsync(databases, created.Id, Sale.SeatCount + options.GaUnits, onSale: false);
        }
        else
        {
            // A draft's tickets reach Ordering with the publication that puts them on sale.
            await api.CallAsync<EventDto>(HttpMethod.Post, $"api/events/{created.Id}/publish", organizer);
            room = await WaitForRoomAsync(databases, created.Id);
            await WaitForReplicaAsync(databases, created.Id, Sale.SeatCount + options.GaUnits, onSale: true);
        }

        var seats = new List<TicketDto>();
        for (var page = 1; seats.Count < Sale.SeatCount; page++)
        {
            var batch = await api.CallAsync<List<TicketDto>>(HttpMethod.Get,
                $"api/tickets?eventId={created.Id}&tier={Sale.SeatTier}&pageSize=200&page={page}", null);
            if (batch.Count == 0)
            {
                break;
            }

            seats.AddRange(batch);
        }

        ProgressLine.Log($"setup: event {created.Id}, {seats.Count} seats listed, {buyers.Count} buyers ready" +
            (room is null ? "" : FormattableString.Invariant($", waiting room open until {room.ClosesAt:HH:mm:ss} UTC admitting {room.AdmitPerSecond:0.##}/s")));
        return new Sale(created.Id, organizer, seats, buyers, options.GaUnits, room);
    }

    /// <summary>Password hashing is deliberately slow, so sign-ups run with bounded parallelism.</summary>
    private static async Task<List<Buyer>> SignUpBuyersAsync(Api api, BenchOptions options, string run)
    {
        var buyers = new Buyer[options.Buyers];
        var done = 0;
        await using (ProgressLine.Start("signup", () => $"{Volatile.Read(ref done)}/{options.Buyers} buyers signed up"))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Buyers),
                new ParallelOptions { MaxDegreeOfParallelism = options.SignupParallelism },
                async (i, _) =>
                {
                    var email = $"buyer-{run}-{i}@bench.example.com";
                    buyers[i] = new Buyer(i, email, await api.SignUpAsync(email, Password));
                    Interlocked.Increment(ref done);
                });
        }

        return buyers.ToList();
    }

    /// <summary>
    /// Ordering learns the tickets from Catalog's events; the sale opens once it has all of them
    /// (<paramref name="onSale"/>: and knows them on sale, after a late publication).
    /// </summary>
    private static async Task WaitForReplicaAsync(ServiceDatabases databases, Guid eventId, int inventory, bool onSale)
    {
        long count = 0;
        var what = onSale ? "tickets on sale for Ordering" : "tickets known to Ordering";
        var filter = onSale ? " AND status = 'available'" : "";
        var deadline = DateTime.UtcNow.AddMinutes(5);
        await using (ProgressLine.Start("replica", () => $"{count}/{inventory} {what}"))
        {
            while (count < inventory)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"only {count} of {inventory} {what} after 5 minutes");
                }

                await Task.Delay(500);
                count = await databases.ScalarAsync("ordering", $"SELECT COUNT(*) FROM tickets WHERE event_id = {databases.Id(eventId)}{filter}");
            }
        }
    }

    /// <summary>Ordering opens the room when it hears of the publication; its row holds the rate it admits at.</summary>
    private static async Task<WaitingRoomSchedule> WaitForRoomAsync(ServiceDatabases databases, Guid eventId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using (ProgressLine.Start("waiting room", () => "waiting for Ordering to open the room"))
        {
            while (true)
            {
                var rows = await databases.QueryAsync("ordering",
                    $"SELECT admit_per_second, opens_at, closes_at FROM waiting_rooms WHERE event_id = {databases.Id(eventId)}");
                if (rows.Count > 0)
                {
                    return new WaitingRoomSchedule(
                        Convert.ToDouble(rows[0][0], CultureInfo.InvariantCulture), ServiceDatabases.AsUtc(rows[0][1]), ServiceDatabases.AsUtc(rows[0][2]));
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("Ordering did not open the waiting room within a minute of the publication");
                }

                await Task.Delay(250);
            }
        }
    }
}
