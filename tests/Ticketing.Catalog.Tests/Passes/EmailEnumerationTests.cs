using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Catalog.Tests.Api;

namespace Ticketing.Catalog.Tests.Passes;

/// <summary>
/// The endpoints that take someone's e-mail (staff, transfer) must not tell whether the address
/// has an account, and must not be asked faster than sign-up allows.
/// </summary>
public sealed class EmailEnumerationTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task AddStaff_registeredOrUnknownEmail_sameStatusAndShape()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var member = await scenario.UserAsync();
        var url = $"/api/events/{scenario.EventId}/staff";

        var registered = await scenario.OrganizerClient.PostAsJsonAsync(url, new { email = member.Email });
        var unknown = await scenario.OrganizerClient.PostAsJsonAsync(url, new { email = $"ghost-{Guid.NewGuid():N}@example.test" });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (registered.StatusCode, unknown.StatusCode));
        Assert.Equal(await ShapeAsync(registered), await ShapeAsync(unknown));
        var listed = (await scenario.OrganizerClient.GetFromJsonAsync<List<StaffBody>>(url))!;
        Assert.Equal(member.Id, Assert.Single(listed).UserId);
    }

    [Fact]
    public async Task AddStaff_addressRegistersAfterInvitation_becomesStaff()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var email = $"later-{Guid.NewGuid():N}@example.test";
        await (await scenario.OrganizerClient.PostAsJsonAsync($"/api/events/{scenario.EventId}/staff", new { email = email.ToUpperInvariant() }))
            .ExpectAsync(HttpStatusCode.Accepted);

        var member = await _platform.SignUpAsync(email);

        Assert.True(await Eventually.TrueAsync(async () =>
            (await scenario.OrganizerClient.GetFromJsonAsync<List<StaffBody>>($"/api/events/{scenario.EventId}/staff"))!.Any(s => s.UserId == member.Id)));
    }

    [Fact]
    public async Task Transfer_unknownEmail_sameAnswerAsRegisteredAndPassStays()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await scenario.UserAsync();
        var friend = await scenario.UserAsync();
        var passes = await scenario.BuyAsync(buyer, scenario.Tickets[0], scenario.Tickets[1]);
        var client = _platform.CreateClientFor(buyer);

        var unknown = await client.PostAsJsonAsync($"/api/passes/{passes[0].Id}/transfer", new { email = $"ghost-{Guid.NewGuid():N}@example.test" });
        var registered = await client.PostAsJsonAsync($"/api/passes/{passes[1].Id}/transfer", new { email = friend.Email });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unknown.StatusCode, registered.StatusCode));
        Assert.Equal(await ShapeAsync(registered), await ShapeAsync(unknown));
        var kept = (await client.GetFromJsonAsync<List<PassBody>>("/api/passes"))!;
        Assert.Equal(passes[0].Id, Assert.Single(kept).Id);
        Assert.Contains((await _platform.CreateClientFor(friend).GetFromJsonAsync<List<PassBody>>("/api/passes"))!, p => p.Id == passes[1].Id);
    }

    [Fact]
    public async Task AddStaffAndTransfer_beyondTheUsersBudget_return429WithRetryAfter()
    {
        await using var platform = new TestPlatform().With("Catalog:EmailLookups:PermitLimit", "3");
        var scenario = await PassScenario.PublishedAsync(platform);
        var url = $"/api/events/{scenario.EventId}/staff";
        for (var i = 0; i < 3; i++)
        {
            await (await scenario.OrganizerClient.PostAsJsonAsync(url, new { email = $"probe-{i}-{Guid.NewGuid():N}@example.test" }))
                .ExpectAsync(HttpStatusCode.Accepted);
        }

        var limited = await scenario.OrganizerClient.PostAsJsonAsync(url, new { email = $"probe-{Guid.NewGuid():N}@example.test" });
        var otherUser = await scenario.UserAsync();
        var pass = (await scenario.BuyAsync(otherUser, scenario.Tickets[0]))[0];
        var transfer = await platform.CreateClientFor(otherUser).PostAsJsonAsync($"/api/passes/{pass.Id}/transfer", new { email = scenario.Organizer.Email });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Accepted, transfer.StatusCode); // the budget is per user
    }

    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join(",", body.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));
    }
}
