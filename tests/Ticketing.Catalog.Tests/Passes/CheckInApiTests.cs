using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Tests.Api;
using Ticketing.Catalog.Tests.Domain;

namespace Ticketing.Catalog.Tests.Passes;

public sealed class CheckInApiTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task CheckIn_firstScanByStaff_returnsTicketSeatTierAndHolder()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await scenario.UserAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[2]))[0];
        var (_, gate) = await scenario.StaffAsync();

        var admitted = await (await PassScenario.ScanAsync(gate, pass.Code)).ReadAsync<CheckInBody>(HttpStatusCode.OK);

        Assert.Equal((pass.TicketId, pass.Id, scenario.EventId, "Gate night", "A-3", "Floor", buyer.Email, buyer.Id),
            (admitted.TicketId, admitted.PassId, admitted.EventId, admitted.Title, admitted.Seat, admitted.Tier, admitted.Holder, admitted.HolderId));
        var seen = (await _platform.CreateClientFor(buyer).GetFromJsonAsync<PassBody>($"/api/passes/{pass.Id}"))!;
        Assert.Equal((PassStates.CheckedIn, admitted.CheckedInAt), (seen.Status, seen.CheckedInAt));
    }

    [Fact]
    public async Task CheckIn_secondScan_returns409WithTimeOfFirst()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[4]))[0];
        var first = await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).ReadAsync<CheckInBody>(HttpStatusCode.OK);

        var again = await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code);

        await again.DetailAsync(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(first.CheckedInAt, problem.RootElement.GetProperty("checkedInAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task CheckIn_twentySimultaneousScans_admitExactlyOnce()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[5]))[0];
        var (_, staffGate) = await scenario.StaffAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PassScenario.ScanAsync(i % 2 == 0 ? scenario.OrganizerClient : staffGate, pass.Code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task CheckIn_forgedAlteredOrGarbageCode_returns400()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[0]))[0];
        var forger = new PassSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "forger");
        var forged = forger.Sign(new PassPayload(pass.TicketId, scenario.EventId, pass.Serial));
        var parts = pass.Code.Split('.');
        // Another ticket id in the payload, original signature kept.
        var altered = PassCode.Format(PassCode.Encode(new PassPayload(scenario.Tickets[1].Id, scenario.EventId, 1)), System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));

        foreach (var code in new[] { forged, altered, "hello", pass.Code[..^2] })
        {
            await (await PassScenario.ScanAsync(scenario.OrganizerClient, code)).DetailAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(["code"], await (await PassScenario.ScanAsync(scenario.OrganizerClient, "")).ErrorFieldsAsync());
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CheckIn_highSTwinOrReencodingOfRealCode_returns400AndOriginalAdmitsOnce()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[3]))[0];

        foreach (var code in new[] { PassCodeTests.HighSTwin(pass.Code), pass.Code + "=", pass.Code.Replace('-', '+').Replace('_', '/') + "=" })
        {
            await (await PassScenario.ScanAsync(scenario.OrganizerClient, code)).DetailAsync(HttpStatusCode.BadRequest);
        }

        await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).ExpectAsync(HttpStatusCode.OK);
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, PassCodeTests.HighSTwin(pass.Code))).DetailAsync(HttpStatusCode.BadRequest);
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).DetailAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CheckIn_staffOfAnotherEventOrBuyerOrAnonymous_isRefused()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var other = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[3]))[0];
        var (_, otherGate) = await other.StaffAsync();

        await (await PassScenario.ScanAsync(otherGate, pass.Code)).DetailAsync(HttpStatusCode.Forbidden);
        await (await PassScenario.ScanAsync(other.OrganizerClient, pass.Code)).DetailAsync(HttpStatusCode.Forbidden);
        await (await PassScenario.ScanAsync(_platform.CreateClientFor(buyer), pass.Code)).DetailAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PassScenario.ScanAsync(_platform.CreateClient(), pass.Code)).StatusCode);
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CheckIn_afterEventCancelled_returns410()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[6]))[0];

        await (await scenario.OrganizerClient.PostAsync($"/api/events/{scenario.EventId}/cancel", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("cancelled", await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).DetailAsync(HttpStatusCode.Gone));
        Assert.Equal(PassStates.Revoked, (await _platform.CreateClientFor(buyer).GetFromJsonAsync<PassBody>($"/api/passes/{pass.Id}"))!.Status);
    }

    [Fact]
    public async Task Summary_afterSomeScans_countsIssuedAndAdmittedPerTier()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var passes = await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[0], scenario.Tickets[1], scenario.Tickets[4]);
        var (_, gate) = await scenario.StaffAsync();
        await (await PassScenario.ScanAsync(gate, passes[0].Code)).ExpectAsync(HttpStatusCode.OK);
        await (await PassScenario.ScanAsync(gate, passes[2].Code)).ExpectAsync(HttpStatusCode.OK);

        var summary = await (await gate.GetAsync($"/api/events/{scenario.EventId}/checkins/summary")).ReadAsync<SummaryBody>(HttpStatusCode.OK);

        Assert.Equal((3, 2), (summary.Issued, summary.Admitted));
        Assert.Equal([new TierAdmissionsBody("Floor", 2, 1), new TierAdmissionsBody("GA", 1, 1)], summary.Tiers);
        var outsider = _platform.CreateClientFor(await _platform.SignUpAsync());
        await (await outsider.GetAsync($"/api/events/{scenario.EventId}/checkins/summary")).DetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_organizerManagesTheList_othersCannot()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var (member, gate) = await scenario.StaffAsync();

        var again = await scenario.OrganizerClient.PostAsJsonAsync($"/api/events/{scenario.EventId}/staff", new { email = member.Email });
        var unknown = await scenario.OrganizerClient.PostAsJsonAsync($"/api/events/{scenario.EventId}/staff", new { email = "ghost@example.test" });
        var byStaff = await gate.PostAsJsonAsync($"/api/events/{scenario.EventId}/staff", new { email = scenario.Organizer.Email });
        var listed = (await scenario.OrganizerClient.GetFromJsonAsync<List<StaffBody>>($"/api/events/{scenario.EventId}/staff"))!;

        await again.ExpectAsync(HttpStatusCode.Accepted);
        await unknown.ExpectAsync(HttpStatusCode.Accepted);
        await byStaff.DetailAsync(HttpStatusCode.Forbidden);
        Assert.Equal((member.Id, member.Email), (Assert.Single(listed).UserId, listed[0].Email));

        await (await scenario.OrganizerClient.DeleteAsync($"/api/events/{scenario.EventId}/staff/{member.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await scenario.OrganizerClient.DeleteAsync($"/api/events/{scenario.EventId}/staff/{member.Id}")).DetailAsync(HttpStatusCode.NotFound);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[7]))[0];
        await (await PassScenario.ScanAsync(gate, pass.Code)).DetailAsync(HttpStatusCode.Forbidden);
    }
}
