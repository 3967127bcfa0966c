using Xunit.Abstractions;

namespace Ticketing.Reliability.Tests;

/// <summary>
/// CI mode: each fault once, under a light load, each followed by a full audit of every
/// service database. Bounded to a few minutes on two cores.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(FaultCluster cluster, ITestOutputHelper output)
{
    private readonly FaultScenarios _faults = new(cluster, output);

    [Fact]
    public async Task KillEachService_underBuyingLoad_everyOrderSettlesAndNothingIsLostOrAppliedTwice()
    {
        var load = await _faults.StartLoadAsync(FaultScenarios.Seed, buyers: 4, events: 2);

        await _faults.KillEachServiceAsync(load, new Random(FaultScenarios.Seed));

        await _faults.StopAndAuditAsync(load, "kill -9 of each service");
    }

    [Fact]
    public async Task StopBroker_for30SecondsUnderBuyingLoad_ordersKeepComingAndEverythingIsDeliveredAfter()
    {
        var load = await _faults.StartLoadAsync(FaultScenarios.Seed + 1, buyers: 4, events: 1);

        await _faults.BrokerOutageAsync(load);

        await _faults.StopAndAuditAsync(load, "RabbitMQ outage");
    }

    [Fact]
    public async Task RestartDatabase_underBuyingLoad_answers503WithRetryAfterThenRecoversByItself()
    {
        var load = await _faults.StartLoadAsync(FaultScenarios.Seed + 2, buyers: 4, events: 1);
        var (organizer, _) = await new PlatformApi(cluster.CreateClient).SignUpAsync();
        var (eventId, _) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);

        await _faults.DatabaseRestartAsync(load, eventId);

        await _faults.StopAndAuditAsync(load, "PostgreSQL restart");
    }
}
