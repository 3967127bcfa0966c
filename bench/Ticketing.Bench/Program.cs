using Ticketing.Bench;

// The flash-sale stampede (bench/README.md): setup, stampede, settle, audit, browse, ceilings, report.
// Exits 1 when the correctness audit fails, 2 on bad flags.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var databases = new ServiceDatabases(options);
using var api = new Api(options.BaseUrl, Math.Max(256, options.Buyers));
var report = new Report { Options = options, StartedAt = DateTime.UtcNow, LoadBefore = Report.LoadAverage() };

var sale = await Setup.RunAsync(api, options, databases);
report.Room = sale.Room;
var cpuBefore = CpuTime.Read(options.Pids);
report.Stampede = options.Attempts > 0 ? await Churn.RunAsync(api, options, sale) : await Stampede.RunAsync(api, options, sale);
report.Outcome = await Settle.RunAsync(databases, options, report.Stampede);
report.Cpu = CpuTime.Spent(cpuBefore, CpuTime.Read(options.Pids));
report.Checks = await Audit.RunAsync(api, databases, sale, report.Stampede);
foreach (var check in report.Checks)
{
    ProgressLine.Log($"audit: {(check.Passed ? "ok  " : "FAIL")} {check.Name}: {check.Detail}");
}

// The churn mode proves correctness over many attempts; its speed figures are not the stampede's.
if (options.Attempts > 0)
{
    return await WriteAsync();
}

if (options.BigTier > 0)
{
    report.BigTier = await BigTier.RunAsync(api, options, databases);
}

report.BrowseEvent = await Tools.WrkAsync(options, new Uri(options.BaseUrl, $"api/events/{sale.EventId}"));
report.BrowseTickets = await Tools.WrkAsync(options, new Uri(options.BaseUrl, "api/tickets"));
report.Hello = await Tools.WrkAsync(options, options.HelloUrl ?? new Uri(options.BaseUrl, "bench/hello"));
try
{
    report.Pgbench = await PgbenchCeiling.RunAsync(options, report.Stampede.Attempts);
}
catch (InvalidOperationException e)
{
    ProgressLine.Log($"pgbench failed, no database ceiling: {e.Message}");
}

return await WriteAsync();

async Task<int> WriteAsync()
{
    report.Memory = PeakMemory.Read(options.Pids);
    Directory.CreateDirectory(options.OutputDirectory);
    var text = report.Markdown();
    Console.WriteLine(text);
    var name = options.Attempts > 0 ? $"latest-{options.Topology}-attempts" : $"latest-{options.Topology}";
    await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, $"{name}.md"), text);
    if (options.Attempts == 0)
    {
        await report.WriteChartsAsync(options.OutputDirectory);
    }

    return report.Checks.All(c => c.Passed) ? 0 : 1;
}
