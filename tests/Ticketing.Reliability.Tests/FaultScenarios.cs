using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Ticketing.Reliability.Tests;

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultCluster>
{
    public const string Name = "faults";
}

/// <summary>
/// The faults, each injected under a running <see cref="BuyingLoad"/> and followed by the
/// <see cref="Audit"/>. Seeded by TICKETING_FAULTS_SEED (default 11): the same seed picks the
/// same kill moments and the same buyer choices.
/// </summary>
internal sealed class FaultScenarios(FaultCluster cluster, ITestOutputHelper output)
{
    public static int Seed { get; } = int.Parse(Environment.GetEnvironmentVariable("TICKETING_FAULTS_SEED") ?? "11", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long the audit may wait for the platform to settle after a fault.</summary>
    public static readonly TimeSpan SettleTimeout = FaultCluster.HoldDuration + TimeSpan.FromSeconds(120);

    private readonly PlatformApi _api = new(cluster.CreateClient);

    public async Task<BuyingLoad> StartLoadAsync(int seed, int buyers, int events)
    {
        var (organizer, _) = await _api.SignUpAsync();
        var tickets = new List<Guid>();
        for (var i = 0; i < events; i++)
        {
            tickets.AddRange((await PlatformApi.PublishSeatedEventAsync(organizer, seats: 200)).TicketIds);
        }

        var clients = new List<HttpClient>();
        for (var i = 0; i < buyers; i++)
        {
            clients.Add((await _api.SignUpAsync()).Client);
        }

        // Ordering learns tickets from events; a load on seats it does not know yet only measures that lag.
        Assert.True(await Eventually.TrueAsync(async () => await new Audit(cluster).OrderingKnowsAsync(tickets), TimeSpan.FromSeconds(120)),
            "Ordering did not learn the new tickets");
        var load = new BuyingLoad(clients, tickets, seed);
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(4));
        return load;
    }

    /// <summary>
    /// Recovery time: from the moment the fault is repaired until a new buyer's purchase goes all
    /// the way through (order, payment, completion) without anyone stepping in.
    /// </summary>
    public async Task<TimeSpan> PurchaseWorksAgainAsync(string fault)
    {
        var clock = Stopwatch.StartNew();
        var organizer = await RetryAsync(() => _api.SignUpAsync());
        var (_, tickets) = await RetryAsync(() => PlatformApi.PublishSeatedEventAsync(organizer.Client, seats: 1));
        var buyer = await RetryAsync(() => _api.SignUpAsync());
        var order = await RetryAsync(() => PlatformApi.OrderWhenReplicatedAsync(buyer.Client, tickets));
        var orderId = order.GetProperty("id").GetGuid();
        await RetryAsync(() => PlatformApi.PayAsync(buyer.Client, orderId));
        Assert.Equal("complete", await PlatformApi.WaitForAsync(buyer.Client, $"/api/orders/{orderId}", "status", "complete"));
        output.WriteLine($"{fault}: a new purchase completed {clock.Elapsed.TotalSeconds:F1} s after the repair");
        return clock.Elapsed;
    }

    /// <summary>What a client does with a 503: wait and try again (a few times).</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (Exception ex) when (attempt < 10 && (ex.Message.Contains("got 503", StringComparison.Ordinal) || ex is HttpRequestException))
            {
                await Task.Delay(2000);
            }
        }
    }

    /// <summary>kill -9 each service process in turn at a seeded random moment, then start it again.</summary>
    public async Task KillEachServiceAsync(BuyingLoad load, Random random)
    {
        foreach (var service in FaultCluster.Services)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 4000)));
            await cluster.KillAsync(service);
            var clock = Stopwatch.StartNew();
            await cluster.StartInstanceAsync(service);
            output.WriteLine($"{service}: killed, ready again after {clock.Elapsed.TotalSeconds:F1} s ({load.OrdersCreated.Count} orders so far)");
        }

        await PurchaseWorksAgainAsync("kill -9 of each service");
    }

    /// <summary>Stops the broker for 30 s; APIs keep taking orders (outbox) while readiness reports the broker.</summary>
    public async Task BrokerOutageAsync(BuyingLoad load)
    {
        await cluster.InfraAsync("stop-rabbitmq");
        var down = Stopwatch.StartNew();
        var ordersAtStop = load.OrdersCreated.Count;
        var ready = await ReadinessAsync("ordering", r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains("rabbitmq", StringComparison.Ordinal));
        Assert.True(ready.Matched, $"ordering's readiness during the broker outage: {ready.Last}");
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, 30 - down.Elapsed.TotalSeconds)));
        var ordersDuringOutage = load.OrdersCreated.Count - ordersAtStop;
        await cluster.InfraAsync("start-rabbitmq");
        output.WriteLine($"broker: down {down.Elapsed.TotalSeconds:F1} s, {ordersDuringOutage} orders taken meanwhile");
        Assert.True(ordersDuringOutage > 0, "no order was accepted while the broker was down: publishing must go through the outbox");
        await AllReadyAsync("broker");
        await PurchaseWorksAgainAsync("broker");
    }

    /// <summary>Stops PostgreSQL for a few seconds: APIs answer 503 with Retry-After quickly, readiness says why.</summary>
    public async Task DatabaseRestartAsync(BuyingLoad load, Guid eventId)
    {
        await cluster.InfraAsync("stop-postgres");
        var down = Stopwatch.StartNew();
        using var anonymous = cluster.CreateClient();
        var clock = Stopwatch.StartNew();
        var response = await anonymous.GetAsync($"/api/tickets?eventId={eventId}");
        var answeredIn = clock.Elapsed;
        var ready = await ReadinessAsync("catalog", r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains("unreachable: catalog", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var ordersAtStart = load.OrdersCreated.Count;
        await cluster.InfraAsync("start-postgres");
        output.WriteLine($"postgres: down {down.Elapsed.TotalSeconds:F1} s; GET /api/tickets answered {(int)response.StatusCode} in {answeredIn.TotalSeconds:F2} s, Retry-After {response.Headers.RetryAfter}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(answeredIn < TimeSpan.FromSeconds(10), $"a request hung {answeredIn.TotalSeconds:F1} s while the database was down");
        Assert.True(ready.Matched, $"catalog's readiness during the database outage: {ready.Last}");
        await AllReadyAsync("postgres");
        await PurchaseWorksAgainAsync("postgres");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(load.OrdersCreated.Count > ordersAtStart), TimeSpan.FromSeconds(60)),
            "no order was accepted after PostgreSQL came back");
    }

    /// <summary>Stops the load and audits; fails with every broken promise listed.</summary>
    public async Task StopAndAuditAsync(BuyingLoad load, string fault)
    {
        await load.StopAsync();
        output.WriteLine($"{fault}: load {load.Summary()}");
        var (problems, took, figures) = await new Audit(cluster).SettleAsync(load, SettleTimeout);
        output.WriteLine($"{fault}: settled in {took.TotalSeconds:F1} s: {figures}");
        Assert.True(problems.Count == 0, $"after {fault}:\n{string.Join('\n', problems)}");
        // Settled means the databases agree and every outbox is drained; the last events may still be
        // on their way to a consumer (or redelivered after the fault), so give the queues time to empty.
        var queues = await BrokerQueuesAsync();
        await Eventually.TrueAsync(async () => (queues = await BrokerQueuesAsync()).All(q => q.Messages == 0), TimeSpan.FromSeconds(30));
        Assert.True(queues.Count > 0, "rabbitmqctl listed no queue");
        Assert.True(queues.All(q => q.Messages == 0), $"after {fault}, messages left in the broker: " +
            string.Join(", ", queues.Where(q => q.Messages > 0).Select(q => $"{q.Name} {q.Messages}")));
        Assert.True(load.Violations.IsEmpty, $"during {fault}, answers broke the contract:\n{string.Join('\n', load.Violations.Take(20))}");
        Assert.True(load.OrdersCreated.Count >= 10, $"the load placed only {load.OrdersCreated.Count} orders: too little to prove anything");
        Assert.True(!load.PaymentsAccepted.IsEmpty, "the load had no payment accepted: nothing proves paid orders survive");
    }

    /// <summary>Every queue of the cluster with its ready + unacknowledged count; dead-letter queues included.</summary>
    private async Task<List<(string Name, long Messages)>> BrokerQueuesAsync()
    {
        var listing = await cluster.InfraAsync("rabbitmqctl", "-q", "list_queues", "name", "messages");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2 && parts[0].StartsWith("faults.", StringComparison.Ordinal) && long.TryParse(parts[1], out _))
            .Select(parts => (parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private async Task AllReadyAsync(string fault)
    {
        var clock = Stopwatch.StartNew();
        foreach (var service in FaultCluster.Services)
        {
            var ready = await ReadinessAsync(service, r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
            Assert.True(ready.Matched, $"{service} did not become ready again by itself after the {fault} fault: {ready.Last}");
        }

        output.WriteLine($"{fault}: every instance ready {clock.Elapsed.TotalSeconds:F1} s after the dependency returned");
    }

    private async Task<(bool Matched, string Last)> ReadinessAsync(string service, Func<(HttpStatusCode Status, string Body), bool> expected, TimeSpan? timeout = null)
    {
        using var client = cluster.CreateInstanceClient(service);
        var last = "";
        var matched = await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                var body = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {body}";
                return expected((response.StatusCode, body));
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
                return false;
            }
        }, timeout ?? TimeSpan.FromSeconds(30));
        return (matched, last);
    }
}
