using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Ticketing.Reliability.Tests;

/// <summary>
/// A local cluster (deploy/local/cluster.sh) with its OWN throwaway PostgreSQL and RabbitMQ, so
/// the tests may stop and restart them without touching the servers other suites share.
/// Ports are away from the test servers' and the benchmark cluster's defaults;
/// TICKETING_FAULTS_PORT_OFFSET moves them all when two runs share a machine, and a busy port
/// moves them by 100 more.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public static readonly string[] Services = ["identity", "catalog", "ordering", "payments", "expiration", "notifications", "web"];
    public static readonly string[] Databases = ["identity", "catalog", "ordering", "payments", "expiration", "notifications"];

    /// <summary>Short holds so abandoned orders expire within a test.</summary>
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(20);

    private const string Name = "faults";
    private static readonly int Offset = FreeOffset(int.Parse(Environment.GetEnvironmentVariable("TICKETING_FAULTS_PORT_OFFSET") ?? "0", CultureInfo.InvariantCulture));
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ticketing-faults-" + Guid.NewGuid().ToString("N")[..8]);

    public int EdgePort { get; } = 8280 + Offset;

    public int BasePort { get; } = 5400 + Offset;

    // Both servers are restarted under load, so their ports lie below the kernel's ephemeral range
    // (32768+): there a service retrying its connection to the stopped server can be handed the
    // server's own port as its local one (a TCP self-connect), and the server cannot bind again.
    public int PostgresPort { get; } = 25732 + Offset;

    public int RabbitPort { get; } = 27020 + Offset;

    /// <summary>
    /// The first offset (in steps of 100) at which every port is free: another program, or a
    /// fault run of another checkout, may hold one of them.
    /// </summary>
    private static int FreeOffset(int start)
    {
        for (var offset = start; offset < start + 1000; offset += 100)
        {
            int[] ports = [8280 + offset, .. Enumerable.Range(5401 + offset, Services.Length), 25732 + offset, .. Enumerable.Range(27020 + offset, 14)];
            if (ports.All(LocalPorts.IsFree))
            {
                return offset;
            }
        }

        return start;
    }

    public Uri Edge => new($"http://127.0.0.1:{EdgePort}");

    public HttpClient CreateClient() => new() { BaseAddress = Edge, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client straight to one instance, bypassing nginx (readiness, per-process checks).</summary>
    public HttpClient CreateInstanceClient(string service) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{BasePort + Array.IndexOf(Services, service) + 1}"), Timeout = TimeSpan.FromSeconds(30) };

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = PostgresPort, Username = "postgres", Password = "postgres",
        Database = $"{Name}_{database}", Timeout = 10, CommandTimeout = 30, Pooling = false,
    }.ToString();

    public string LogsFolder => Path.Combine(_root, "logs");

    public async Task InitializeAsync()
    {
        var (code, output) = await RunAsync("start");
        if (code != 0)
        {
            await RunAsync("stop");
            throw new InvalidOperationException($"cluster did not start:\n{output}");
        }
    }

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public Task KillAsync(string service) => CheckedAsync("kill", $"{service}-1");

    public Task StartInstanceAsync(string service) => CheckedAsync("start-instance", $"{service}-1");

    /// <summary>scripts/infra.sh COMMAND on this cluster's own servers (stop-rabbitmq, restart-postgres, ...).</summary>
    public Task<string> InfraAsync(params string[] command) => CheckedAsync(["infra", .. command]);

    private async Task<string> CheckedAsync(params string[] arguments)
    {
        var (code, output) = await RunAsync(arguments);
        return code == 0 ? output : throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} exited {code}:\n{output}");
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", ["deploy/local/cluster.sh", .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var settings = new Dictionary<string, string>
        {
            ["TICKETING_CLUSTER_ROOT"] = _root,
            ["TICKETING_CLUSTER_NAME"] = Name,
            ["TICKETING_CLUSTER_PORT"] = Invariant(EdgePort),
            ["TICKETING_CLUSTER_BASE_PORT"] = Invariant(BasePort),
            ["TICKETING_CLUSTER_PG_PORT"] = Invariant(PostgresPort),
            ["TICKETING_CLUSTER_RABBIT_PORT"] = Invariant(RabbitPort),
            ["TICKETING_CLUSTER_REPLICAS"] = "",
            ["Ordering__HoldDuration"] = HoldDuration.ToString(),
            // A payment orphaned by kill -9 is settled within seconds, inside the audit's patience
            // (the sandbox answers at once, so 10 s is far above any live request).
            ["Payments__Reconciliation__PendingAge"] = "00:00:10",
            ["Payments__Reconciliation__Interval"] = "00:00:02",
            ["Identity__RateLimit__Enabled"] = "false",
            ["Identity__PasswordIterations"] = "10000",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        // The cluster starts its own servers: never the shared test servers.
        start.Environment.Remove("TICKETING_CLUSTER_POSTGRES");
        start.Environment.Remove("TICKETING_CLUSTER_RABBITMQ");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
