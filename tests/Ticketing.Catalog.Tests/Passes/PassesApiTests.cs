using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Tests.Api;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Passes;

public sealed class PassesApiTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task OrderCompleted_deliveredTwice_issuesOnePassPerTicketAndAnnouncesThemOnce()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();
        var completed = new OrderCompleted(Guid.NewGuid(), 2, buyer.Id, 12000, "EUR", [scenario.Tickets[0].Id, scenario.Tickets[5].Id]);

        await _platform.DeliverAsync(CatalogModule.ServiceName, completed);
        await _platform.DeliverAsync(CatalogModule.ServiceName, completed);
        await _platform.DeliverAsync(CatalogModule.ServiceName, completed with { Id = Guid.NewGuid() });

        var passes = (await _platform.CreateClientFor(buyer).GetFromJsonAsync<List<PassBody>>("/api/passes"))!;
        Assert.Equal(2, passes.Count);
        Assert.All(passes, p => Assert.Equal((PassStates.Active, 1, "Gate night", "Arena", completed.OrderId), (p.Status, p.Serial, p.Title, p.Venue, p.OrderId)));
        Assert.Equal(new string?[] { "A-1", null }, passes.OrderBy(p => p.Seat ?? "~").Select(p => p.Seat));
        var announced = await _platform.WithScopeAsync<CatalogDbContext, List<PassesIssued>>(async db =>
            (await db.OutboxMessages.AsNoTracking().Where(m => m.EventType == nameof(PassesIssued)).ToListAsync())
                .Select(m => JsonSerializer.Deserialize<PassesIssued>(m.Payload, Ticketing.BuildingBlocks.Messaging.MessageSerializer.Options)!)
                .Where(e => e.OrderId == completed.OrderId).ToList());
        var issued = Assert.Single(announced);
        Assert.Equal(passes.Select(p => p.Code).Order(), issued.Passes.Select(p => p.Code).Order());
    }

    [Fact]
    public async Task OrderCompleted_inTheWholePlatform_emailsTheBuyerTheirQrCodes()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();

        var passes = await scenario.BuyAsync(buyer, scenario.Tickets[3], scenario.Tickets[7]);

        // PassesIssued travels through Catalog's outbox and the relay to Notifications, like in production.
        string? attachments = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            attachments = await _platform.WithScopeAsync<Ticketing.Notifications.NotificationsDbContext, string?>(db =>
                db.Emails.Where(e => e.UserId == buyer.Id).Select(e => e.Attachments).SingleOrDefaultAsync());
            return attachments is not null;
        }));
        Assert.All(passes, p => Assert.Contains(p.Code, attachments));
    }

    [Fact]
    public async Task Get_someoneElsesPass_returns404EvenForItsImages()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[0]))[0];
        var other = _platform.CreateClientFor(await _platform.SignUpAsync());

        await (await other.GetAsync($"/api/passes/{pass.Id}")).DetailAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/passes/{pass.Id}/qr.png")).DetailAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/passes/{pass.Id}/qr.svg")).DetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _platform.CreateClient().GetAsync("/api/passes")).StatusCode);
    }

    [Fact]
    public async Task Qr_owner_getsPngAndSvgOfTheCode()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await _platform.SignUpAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[1]))[0];
        var client = _platform.CreateClientFor(buyer);

        var png = await client.GetAsync($"/api/passes/{pass.Id}/qr.png");
        var svg = await client.GetAsync($"/api/passes/{pass.Id}/qr.svg");

        await png.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        Assert.Contains("no-store", png.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Keys_publicJwkAlone_verifiesAnIssuedCode()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var pass = (await scenario.BuyAsync(await _platform.SignUpAsync(), scenario.Tickets[2]))[0];

        using var keys = JsonDocument.Parse(await _platform.CreateClient().GetStringAsync("/api/passes/keys"));

        var jwk = Assert.Single(keys.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(("EC", "P-256", "ES256"), (jwk.GetProperty("kty").GetString(), jwk.GetProperty("crv").GetString(), jwk.GetProperty("alg").GetString()));
        Assert.False(jwk.TryGetProperty("d", out _));
        using var gateKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()),
                Y = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()),
            },
        });
        Assert.Equal(new PassPayload(pass.TicketId, scenario.EventId, 1), PassCode.Verify(pass.Code, gateKey));
    }

    [Fact]
    public async Task Transfer_toRegisteredUser_newHolderGetsNewCodeAndOldCodeIsGone()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await scenario.UserAsync();
        var friend = await scenario.UserAsync();
        var pass = (await scenario.BuyAsync(buyer, scenario.Tickets[0]))[0];

        await (await _platform.CreateClientFor(buyer).PostAsJsonAsync($"/api/passes/{pass.Id}/transfer", new { email = friend.Email.ToUpperInvariant() }))
            .ExpectAsync(HttpStatusCode.Accepted);

        var moved = Assert.Single((await _platform.CreateClientFor(friend).GetFromJsonAsync<List<PassBody>>("/api/passes"))!, p => p.Id == pass.Id);
        Assert.Equal((pass.Id, 2), (moved.Id, moved.Serial));
        Assert.NotEqual(pass.Code, moved.Code);
        await (await _platform.CreateClientFor(buyer).GetAsync($"/api/passes/{pass.Id}")).DetailAsync(HttpStatusCode.NotFound);
        Assert.Contains("transferred", await (await PassScenario.ScanAsync(scenario.OrganizerClient, pass.Code)).DetailAsync(HttpStatusCode.Gone));
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, moved.Code)).ExpectAsync(HttpStatusCode.OK);
        var announced = await _platform.WithScopeAsync<CatalogDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.EventType == nameof(PassTransferred) && m.Payload.Contains(pass.Id.ToString())));
        Assert.Equal(1, announced);
    }

    [Fact]
    public async Task Transfer_refusals_returnClearProblems()
    {
        var scenario = await PassScenario.PublishedAsync(_platform);
        var buyer = await scenario.UserAsync();
        var friend = await scenario.UserAsync();
        var passes = await scenario.BuyAsync(buyer, scenario.Tickets[0], scenario.Tickets[1]);
        var client = _platform.CreateClientFor(buyer);
        await (await PassScenario.ScanAsync(scenario.OrganizerClient, passes[1].Code)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["email"], await (await client.PostAsJsonAsync($"/api/passes/{passes[0].Id}/transfer", new { email = "" })).ErrorFieldsAsync());
        await (await client.PostAsJsonAsync($"/api/passes/{passes[0].Id}/transfer", new { email = buyer.Email })).DetailAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/passes/{passes[1].Id}/transfer", new { email = friend.Email })).DetailAsync(HttpStatusCode.Conflict);
        await (await _platform.CreateClientFor(friend).PostAsJsonAsync($"/api/passes/{passes[0].Id}/transfer", new { email = buyer.Email }))
            .DetailAsync(HttpStatusCode.NotFound);
    }
}
