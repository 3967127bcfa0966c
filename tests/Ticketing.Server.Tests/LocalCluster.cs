using System.Diagnostics;

namespace Ticketing.Server.Tests;

/// <summary>
/// The distributed topology for real: deploy/local/cluster.sh publishes the server binary and
/// starts one process per service (Ordering and Expiration twice each) on the test PostgreSQL
/// and RabbitMQ, behind an nginx edge. Shared by the tests of a class; stopped afterwards.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ticketing-tests", "cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _name = "c" + Guid.NewGuid().ToString("N")[..10];
    // The edge listens on the base port itself, the services on base+1 onwards.
    private readonly int _edgePort = FreeBasePort();

    /// <summary>Hold length the cluster runs with, short so expiry can be observed.</summary>
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(15);

    public Uri Edge => new($"http://127.0.0.1:{_edgePort}");

    public HttpClient CreateClient() => new() { BaseAddress = Edge };

    public async Task InitializeAsync()
    {
        var (code, output) = await RunAsync("start");
        if (code != 0)
        {
            await RunAsync("stop");
            throw new InvalidOperationException($"cluster did not start:\n{output}\n{Logs()}");
        }
    }

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        foreach (var service in new[] { "identity", "catalog", "ordering", "payments", "expiration", "notifications" })
        {
            await TestInfrastructure.DropPostgresDatabaseAsync(
                new Npgsql.NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresServer) { Database = $"{_name}_{service}" }.ToString());
        }

        await RabbitMqAdmin.DeleteTopologyAsync(_name, ["catalog", "ordering", "payments", "expiration", "notifications"]);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(int Code, string Output)> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["deploy/local/cluster.sh", command])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TICKETING_CLUSTER_ROOT"] = _root;
        start.Environment["TICKETING_CLUSTER_NAME"] = _name;
        start.Environment["TICKETING_CLUSTER_PORT"] = _edgePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TICKETING_CLUSTER_BASE_PORT"] = _edgePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TICKETING_CLUSTER_REPLICAS"] = "ordering=2,expiration=2";
        start.Environment["TICKETING_CLUSTER_POSTGRES"] = TestInfrastructure.PostgresServer;
        start.Environment["TICKETING_CLUSTER_RABBITMQ"] = TestInfrastructure.RabbitMqUri;
        start.Environment["Ordering__HoldDuration"] = HoldDuration.ToString();
        start.Environment["Identity__RateLimit__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private string Logs()
    {
        var folder = Path.Combine(_root, "logs");
        return Directory.Exists(folder)
            ? string.Join('\n', Directory.GetFiles(folder, "*.log").Select(f => $"== {Path.GetFileName(f)}\n{Tail(f)}"))
            : "";
    }

    private static string Tail(string file)
    {
        var text = File.ReadAllText(file);
        return text.Length > 2000 ? text[^2000..] : text;
    }

    // The edge and the services take base .. base+30 (a second replica sits 10 above the first).
    // The base is drawn below the kernel's ephemeral range (32768+ on Linux): a port there can be
    // taken at any moment by an outgoing connection of this very test run, which is how a replica
    // once failed to bind.
    private static int FreeBasePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 32000);
            if (attempt == 50 || Enumerable.Range(candidate, 31).All(LocalPorts.IsFree))
            {
                return candidate;
            }
        }
    }
}
