using Xunit.Abstractions;

namespace Ticketing.Reliability.Tests;

/// <summary>Runs only when TICKETING_SOAK_MINUTES is set; skipped (and reported so) otherwise.</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public const string Variable = "TICKETING_SOAK_MINUTES";

    public SoakFactAttribute()
    {
        if (Minutes is null)
        {
            Skip = $"soak mode: set {Variable} (e.g. 30) to run";
        }
    }

    public static int? Minutes =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var minutes) && minutes > 0 ? minutes : null;
}

/// <summary>
/// Soak mode: the whole fault cycle (kill each service, broker outage, database restart) again
/// and again under a heavier load until the time is up, with the audit after every fault.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SoakTests(FaultCluster cluster, ITestOutputHelper output)
{
    private readonly FaultScenarios _faults = new(cluster, output);

    [SoakFact]
    public async Task Soak_faultCyclesUntilTimeIsUp_auditPassesAfterEveryFault()
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(SoakFactAttribute.Minutes!.Value);
        var random = new Random(FaultScenarios.Seed);
        var (organizer, _) = await new PlatformApi(cluster.CreateClient).SignUpAsync();
        var (eventId, _) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        for (var cycle = 1; DateTime.UtcNow < until; cycle++)
        {
            output.WriteLine($"cycle {cycle}");
            var load = await _faults.StartLoadAsync(random.Next(), buyers: 6, events: 3);
            await _faults.KillEachServiceAsync(load, random);
            await _faults.StopAndAuditAsync(load, $"cycle {cycle}: kill -9 of each service");

            load = await _faults.StartLoadAsync(random.Next(), buyers: 6, events: 2);
            await _faults.BrokerOutageAsync(load);
            await _faults.StopAndAuditAsync(load, $"cycle {cycle}: RabbitMQ outage");

            load = await _faults.StartLoadAsync(random.Next(), buyers: 6, events: 2);
            await _faults.DatabaseRestartAsync(load, eventId);
            await _faults.StopAndAuditAsync(load, $"cycle {cycle}: PostgreSQL restart");
        }
    }
}
