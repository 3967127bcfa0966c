using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ticketing.Bench;

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() => Count == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F0} / p95 {P95:F0} / p99 {P99:F0} / max {Max:F0} ms (n={Count})");
}

/// <summary>Peak resident memory (VmHWM) of the server processes, read from /proc.</summary>
internal static partial class PeakMemory
{
    public static List<(string Name, long Kilobytes)> Read(string? pids)
    {
        var result = new List<(string, long)>();
        foreach (var (name, pid) in Entries(pids))
        {
            var status = $"/proc/{pid}/status";
            var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            result.Add((name, line is null ? -1 : long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>The server processes named by <c>--pids</c>: <c>name=pid,...</c>, or a folder of <c>name.pid</c> files.</summary>
    public static IEnumerable<(string Name, string Pid)> Entries(string? pids)
    {
        if (string.IsNullOrEmpty(pids))
        {
            return [];
        }

        return Directory.Exists(pids)
            ? Directory.GetFiles(pids, "*.pid").Order().Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f).Trim())).ToList()
            : pids.Split(',').Select(p => p.Split('=')).Select(p => (p[0], p[1])).ToList();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

/// <summary>The external load tools: wrk for HTTP, pgbench for the database.</summary>
internal static partial class Tools
{
    public static async Task<double?> WrkAsync(BenchOptions options, Uri url)
    {
        if (options.Wrk is null)
        {
            return null;
        }

        var output = await RunAsync(options.Wrk,
            ["-t2", $"-c{options.WrkConnections}", $"-d{(int)options.WrkDuration.TotalSeconds}s", "--latency", url.ToString()], null);
        var match = WrkRate().Match(output);
        ProgressLine.Log($"wrk {url}: {(match.Success ? match.Groups[1].Value : "?")} req/s");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout + await stderr;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();
}
