using System.Globalization;
using System.Text;

namespace Ticketing.Bench;

/// <summary>Turns the run into the results section of docs/benchmarks.md and two SVG charts.</summary>
internal sealed class Report
{
    public required BenchOptions Options { get; init; }
    public DateTime StartedAt { get; init; }
    public string LoadBefore { get; init; } = "";
    public StampedeResult Stampede { get; set; } = new();
    public Outcome Outcome { get; set; } = new([], [], [], 0);
    public List<Check> Checks { get; set; } = [];
    public double? BrowseEvent { get; set; }
    public double? BrowseTickets { get; set; }
    public double? Hello { get; set; }
    public (double Tps, int Clients, int Transactions)? Pgbench { get; set; }
    public List<(string Name, long Kilobytes)> Memory { get; set; } = [];

    public BigTierResult? BigTier { get; set; }

    /// <summary>CPU seconds each process spent from the sale's start until everything settled.</summary>
    public List<(string Name, double Seconds)> Cpu { get; set; } = [];
    public WaitingRoomSchedule? Room { get; set; }

    private double ReservationWindow => Stampede.Reservations.Select(r => r.AtSeconds).DefaultIfEmpty(0).Max();
    private double ReservationsPerSecond => Stampede.Reservations.Count / Math.Max(0.001, ReservationWindow);

    private IEnumerable<double> WholeBuyMs => Stampede.Reservations
        .Where(r => Outcome.CompletedAt.ContainsKey(r.OrderId))
        .Select(r => (Outcome.CompletedAt[r.OrderId] - r.SentAt).TotalMilliseconds);

    private IEnumerable<double> TimeInLineMs => Stampede.Line.Select(p => p.TimeInLineMs);

    private IEnumerable<double> ExpiryLagMs => Outcome.ExpiredAt
        .Where(e => Outcome.ExpiresAt.ContainsKey(e.Key))
        .Select(e => (e.Value - Outcome.ExpiresAt[e.Key]).TotalMilliseconds);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public string Markdown()
    {
        var s = Stampede;
        var lines = new StringBuilder();
        void Row(string name, string value) => lines.AppendLine(F($"| {name} | {value} |"));
        var passed = Checks.All(c => c.Passed);
        lines.AppendLine(F($"### {Options.Topology}, N = {Options.Buyers} ({StartedAt:yyyy-MM-dd HH:mm} UTC)"));
        lines.AppendLine();
        lines.AppendLine("| Figure | Value |");
        lines.AppendLine("| --- | --- |");
        Row("Machine", F($"{Environment.ProcessorCount} cores, load average before the run {LoadBefore}, after {LoadAverage()} (shared with other work)"));
        Row("Buyers / seat share / abandon share / hold", F($"{Options.Buyers} / {Options.SeatShare:P0} / {Options.AbandonShare:P0} / {Options.HoldDuration.TotalSeconds:0}s"));
        Row("Waiting room", WaitingRoom());
        Row("**App reservations/s ÷ pgbench tps**", Pgbench is { } pg
            ? F($"**{ReservationsPerSecond / pg.Tps:P1}** ({ReservationsPerSecond:F0} ÷ {pg.Tps:F0}; pgbench {pg.Clients} clients, {pg.Transactions} reservations)")
            : "n/a: embedded mode runs on SQLite, there is no pgbench ceiling");
        Row("**Browse req/s ÷ hello req/s**", BrowseEvent is { } ev && Hello is { } hello
            ? F($"**{ev / hello:P1}** event, **{(BrowseTickets ?? 0) / hello:P1}** ticket list ({ev:F0} and {BrowseTickets:F0} ÷ {hello:F0} req/s, {Options.WrkConnections} connections)")
            : "n/a (wrk not run)");
        if (Options.Attempts > 0)
        {
            var sent = F($"**{s.Attempts:N0}** POST /api/orders in {s.DurationSeconds:F0}s ({s.Attempts / Math.Max(0.001, s.DurationSeconds):F0}/s)");
            var fates = F($"{s.Statuses.GetValueOrDefault("POST /api/orders 201"):N0} reserved, {s.Statuses.GetValueOrDefault("DELETE /api/orders 204"):N0} cancelled again, {s.PaymentsAccepted:N0} paid");
            Row("**Attempts (`--attempts`)**", F($"{sent}, {fates}; each buyer keeps up to {Options.Keep} live orders and pays {Options.PayShare:0.####%} of its reservations"));
        }

        // In --attempts mode the churn's own row above says what was reserved; this one counts only the paid orders.
        if (Options.Attempts == 0)
        {
            Row("Reservations", F($"{s.Reservations.Count} orders ({s.Reservations.Sum(r => r.Quantity)} tickets) in {ReservationWindow:F1}s = **{ReservationsPerSecond:F0} reservations/s**; {s.Attempts} POST /api/orders in all"));
        }

        Row("POST /api/orders latency", Percentiles.Of(s.OrderLatenciesMs).ToString());
        Row("Whole buy (order sent → order complete)", Percentiles.Of(WholeBuyMs).ToString());
        Row("Time in line (place taken → turn)", Room is null ? "n/a (no waiting room)" : Percentiles.Of(TimeInLineMs).ToString());
        Row("Time until sold out", string.Join(", ", new[] { Sale.SeatTier, Sale.GaTier }.Select(t =>
            s.SoldOutAtSeconds.TryGetValue(t, out var at) ? F($"{t} {at:F1}s") : $"{t} not sold out")));
        Row("Answers", string.Join(", ", s.Statuses.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}")));
        Row("Expiry lag (released − expiresAt)", ExpiryLagMs.Any()
            ? F($"p50 {Percentiles.Of(ExpiryLagMs).P50:F0} ms / p99 {Percentiles.Of(ExpiryLagMs).P99:F0} ms (n={ExpiryLagMs.Count()})")
            : "n/a (no expired order)");
        Row("Settled (all orders terminal, outboxes drained)", F($"{Outcome.SettleSeconds:F0}s after the last buyer finished"));
        Row("CPU per completed purchase (sale start → settled)", CpuPerPurchase());
        Row("Large GA tier (`--big-tier`)", BigTier is { } big
            ? F($"{big.Units:N0} units created in {big.CreateSeconds:F1}s, published {big.PublishedSeconds - big.CreateSeconds:F1}s later, all on sale in Ordering {(double.IsNaN(big.OnSaleSeconds) ? "not within 10 min" : $"{big.OnSaleSeconds - big.PublishedSeconds:F1}s after the publish answered ({big.OnSaleSeconds:F1}s from the first generate call)")}")
            : "not measured");
        Row("Peak memory (VmHWM)", Memory.Count == 0 ? "n/a" : string.Join(", ", Memory.Select(m => F($"{m.Name} {m.Kilobytes / 1024.0:F0} MB"))));
        Row("Browse (wrk)", BrowseEvent is null
            ? "n/a (wrk not run)"
            : F($"GET /api/events/{{id}} {BrowseEvent:F0} req/s, GET /api/tickets {BrowseTickets:F0} req/s, hello {Hello:F0} req/s"));
        Row("Audit", passed ? "**passed**" : "**FAILED**");
        lines.AppendLine();
        foreach (var check in Checks)
        {
            lines.AppendLine($"- {(check.Passed ? "✔" : "✘")} {check.Name}: {check.Detail}");
        }

        return lines.ToString();
    }

    public async Task WriteChartsAsync(string folder)
    {
        var whole = WholeBuyMs.ToList();
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Options.Topology}-latency.svg"), Charts.Histogram(
            F($"Latency, {Options.Topology}, N = {Options.Buyers}"),
            [("POST /api/orders", "#1f77b4", Stampede.OrderLatenciesMs.ToList()), ("order → complete", "#ff7f0e", whole)]));
        var end = Math.Max(ReservationWindow, Outcome.CompletedAt.Values.Select(c => (c - Stampede.StartedAt).TotalSeconds).DefaultIfEmpty(0).Max());
        var step = end > 60 ? 1.0 : 0.5;
        var buckets = (int)Math.Ceiling(end / step) + 1;
        double[] PerSecond(IEnumerable<double> at)
        {
            var counts = new double[buckets];
            foreach (var t in at.Where(t => t >= 0))
            {
                counts[Math.Min(buckets - 1, (int)(t / step))] += 1 / step;
            }

            return counts;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, $"{Options.Topology}-throughput.svg"), Charts.Lines(
            F($"Throughput, {Options.Topology}, N = {Options.Buyers}"), "per second", step,
            [
                new Series("reservations/s", "#1f77b4", PerSecond(Stampede.Reservations.Select(r => r.AtSeconds))),
                new Series("orders completed/s", "#ff7f0e", PerSecond(Outcome.CompletedAt.Values.Select(c => (c - Stampede.StartedAt).TotalSeconds))),
            ]));
    }

    /// <summary>The room's settings and how the line moved; the order figures above start at the turn, not at joining.</summary>
    private string WaitingRoom()
    {
        if (Room is not { } room)
        {
            return "off";
        }

        var admitted = Stampede.Line.Select(p => p.AdmittedAt).ToList();
        var span = admitted.Count > 1 ? admitted.Max() - admitted.Min() : 0;
        var observed = span > 0 ? F($", {(admitted.Count - 1) / span:F1}/s observed") : "";
        var inLine = Percentiles.Of(TimeInLineMs);
        var times = inLine.Count == 0
            ? "nobody took a place"
            : F($"time in line p50 {inLine.P50 / 1000:F1}s / p99 {inLine.P99 / 1000:F1}s (n={inLine.Count})");
        // The schedule runs from the publication, so numbers due before the buyers came are admitted at once.
        var head = (Stampede.StartedAt - room.OpensAt).TotalSeconds;
        return F($"{Options.WaitingRoomMinutes} min, admitting {room.AdmitPerSecond:0.##}/s{observed}; opened {head:F0}s before the buyers came; {times}");
    }

    private string CpuPerPurchase()
    {
        var completed = Outcome.CompletedAt.Count;
        if (Cpu.Count == 0 || completed == 0)
        {
            return "n/a";
        }

        var total = Cpu.Sum(c => c.Seconds);
        var each = string.Join(", ", Cpu.Select(c => F($"{c.Name} {c.Seconds * 1000 / completed:F1} ms")));
        return F($"**{total * 1000 / completed:F1} ms** in all ({total:F1} CPU s for {completed} purchases): {each}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
