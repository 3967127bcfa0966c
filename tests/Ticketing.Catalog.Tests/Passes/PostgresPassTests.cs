using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Passes;

/// <summary>The races of passes on PostgreSQL, where scans really run in parallel and row locks decide.</summary>
public sealed class PostgresPassTests(PostgresPlatformFixture fixture) : IClassFixture<PostgresPlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task CheckIn_twentySimultaneousScansOnPostgres_admitExactlyOnce()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[0]))[0];
        var (_, staffGate) = await scenario.StaffAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PassScenario.ScanAsync(i % 2 == 0 ? scenario.OrganizerClient : staffGate, pass.Code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await _platform.WithScopeAsync<CatalogDbContext, int>(db => db.CheckIns.CountAsync(c => c.PassId == pass.Id)));
    }

    [Fact]
    public async Task TransferAndScans_racingOnPostgres_oneCodeWinsNeverBoth()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await scenario.UserAsync();
        var friend = await scenario.UserAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[1]))[0];

        var transferring = _platform.CreateClientFor(buyer).PostAsJsonAsync($"/api/passes/{pass.Id}/transfer", new { email = friend.Email });
        var scanning = Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)));
        var transfer = await transferring;
        var scans = await scanning;

        var admitted = scans.Count(s => s.StatusCode == HttpStatusCode.OK);
        Assert.All(scans, s => Assert.Contains(s.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Gone }));
        if (transfer.StatusCode == HttpStatusCode.Accepted)
        {
            // The transfer won: the old code admitted nobody, so the new holder still can.
            Assert.Equal(0, admitted);
        }
        else
        {
            Assert.Equal((HttpStatusCode.Conflict, 1), (transfer.StatusCode, admitted));
        }
    }

    [Fact]
    public async Task OrderCompleted_deliveredTwiceOnPostgres_issuesOnce()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = Guid.NewGuid();
        var completed = new OrderCompleted(Guid.NewGuid(), 2, buyer, 8000, "EUR", [scenario.Tickets[2].Id, scenario.Tickets[3].Id]);

        await _platform.DeliverAsync(CatalogModule.ServiceName, completed);
        await _platform.DeliverAsync(CatalogModule.ServiceName, completed);

        var passes = await _platform.WithScopeAsync<CatalogDbContext, List<Pass>>(db => db.Passes.AsNoTracking().Where(p => p.HolderId == buyer).ToListAsync());
        Assert.Equal(2, passes.Count);
        Assert.All(passes, p => Assert.Equal((completed.OrderId, 1), (p.OrderId, p.Serial)));
    }
}
