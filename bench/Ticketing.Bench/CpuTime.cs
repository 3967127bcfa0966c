using System.Globalization;

namespace Ticketing.Bench;

/// <summary>
/// CPU seconds (user + system) spent by the platform's processes, read from /proc: the named
/// server processes, plus the database, broker and edge, summed over every process of that name
/// (PostgreSQL forks a backend per connection; the postmaster's children's time counts once reaped).
/// </summary>
internal static class CpuTime
{
    /// <summary>Linux reports times in clock ticks; 100 per second on every distribution kernel.</summary>
    private const double TicksPerSecond = 100;

    private static readonly (string Name, string Command)[] Infrastructure =
        [("postgresql", "postgres"), ("rabbitmq", "beam.smp"), ("nginx", "nginx")];

    public static Dictionary<string, double> Read(string? pids)
    {
        var result = new Dictionary<string, double>();
        foreach (var (name, pid) in PeakMemory.Entries(pids))
        {
            result[name] = Seconds(pid) ?? 0;
        }

        var all = Directory.Exists("/proc") ? Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsAsciiDigit)).ToList() : [];
        foreach (var (name, command) in Infrastructure)
        {
            result[name] = all.Where(pid => Command(pid!) == command).Sum(pid => Seconds(pid!) ?? 0);
        }

        return result;
    }

    /// <summary>What each process spent between two readings; infrastructure that did (next to) nothing is left out.</summary>
    public static List<(string Name, double Seconds)> Spent(Dictionary<string, double> before, Dictionary<string, double> after) =>
        after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key)))
            .Where(a => a.Item2 >= 0.5 || !Infrastructure.Any(i => i.Name == a.Key))
            .ToList();

    private static string? Command(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double? Seconds(string pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // Fields after the command (which may hold spaces, hence the last ')'): utime is the 14th field overall.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int n) => double.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return (Field(14) + Field(15) + Field(16) + Field(17)) / TicksPerSecond;
    }
}
