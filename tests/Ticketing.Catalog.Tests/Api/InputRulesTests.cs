using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Ticketing.Catalog.Tests.Api;

/// <summary>Nonsense that used to be stored with a 2xx: invisible text, absurd dates, wrong JSON types, duplicate keys.</summary>
public sealed class InputRulesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly DateTimeOffset Starts = DateTimeOffset.UtcNow.AddDays(30);

    private readonly TestPlatform _platform = fixture.Platform;

    public static TheoryData<string> InvisibleOrControlText =>
    [
        "\u0000", "\u0001\u0007", "  \u0000  ", "\u202E", "Jazz \u202Enight", "\u2066Hall\u2069", "\u200B\u200C\u200D", "\uFEFF",
        "\u200B \uFEFF", "Line\nbreak", "Tab\there", "\u007F", "\u0085", "\u2028",
    ];

    [Theory]
    [MemberData(nameof(InvisibleOrControlText))]
    public async Task CreateEvent_titleOrVenueInvisibleOrWithControls_returns400OnThatField(string text)
    {
        var client = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/events",
            new { title = text, venue = text, startsAt = Starts, endsAt = Starts.AddHours(3), currency = "EUR" });

        Assert.Equal(["title", "venue"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [MemberData(nameof(InvisibleOrControlText))]
    public async Task CreateTicketOrTier_textInvisibleOrWithControls_returns400OnThatField(string text)
    {
        var client = await SignedInAsync();
        var show = await CreateEventAsync(client);

        Assert.Equal(["title"], await (await client.PostAsJsonAsync("/api/tickets", new { title = text, price = 10 })).ErrorFieldsAsync());
        Assert.Equal(["tier"], await (await client.PostAsJsonAsync($"/api/events/{show.Id}/tickets", new { tier = text, price = 10, quantity = 1 })).ErrorFieldsAsync());
        // section is optional: text that trims to nothing is no section at all.
        Assert.Equal(text.Trim().Length == 0 ? ["rows"] : ["rows", "section"], await (await client.PostAsJsonAsync($"/api/events/{show.Id}/tickets",
            new { tier = "Floor", price = 10, section = text, rows = new[] { text }, seatsPerRow = 1 })).ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("  Café 🎷 night  ", "Café 🎷 night")]
    [InlineData("👨‍👩‍👧 family day", "👨‍👩‍👧 family day")]
    [InlineData("\u200Fحفلة", "\u200Fحفلة")]
    public async Task CreateEvent_visibleUnicodeText_isStoredTrimmed(string title, string stored)
    {
        var client = await SignedInAsync();

        var show = await (await client.PostAsJsonAsync("/api/events",
            new { title, venue = "Hall", description = "Doors 19:00\nStart 20:00", startsAt = Starts, endsAt = Starts.AddHours(3), currency = "EUR" }))
            .ReadAsync<EventBody>(HttpStatusCode.Created);

        Assert.Equal((stored, "Doors 19:00\nStart 20:00"), (show.Title, show.Description));
    }

    [Theory]
    [InlineData("1990-05-01T20:00:00Z", "1990-05-01T23:00:00Z", "startsAt")]
    [InlineData("2090-05-01T20:00:00Z", "2090-05-01T23:00:00Z", "startsAt")]
    [InlineData(null, "7027-05-01T20:00:00Z", "endsAt")]
    public async Task CreateEvent_startLongAgoOrFarAheadOrLastingCenturies_returns400(string? startsAt, string endsAt, string field)
    {
        var client = await SignedInAsync();
        startsAt ??= Starts.ToString("O");

        var response = await client.PostAsJsonAsync("/api/events", new { title = "Show", venue = "Hall", startsAt, endsAt, currency = "EUR" });

        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task CreateEvent_startsAtWithoutOffset_returns400AskingForOffset()
    {
        var client = await SignedInAsync();
        var local = Starts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss");

        var detail = await (await PostRawAsync(client, "/api/events",
            $$"""{"title":"Show","venue":"Hall","startsAt":"{{local}}","endsAt":"{{Starts.AddHours(3):O}}","currency":"EUR"}"""))
            .DetailAsync(HttpStatusCode.BadRequest);

        Assert.Contains("offset or Z", detail);
    }

    [Theory]
    [InlineData("""{"title":"Old guitar","price":"12"}""")]
    [InlineData("""{"title":"Old guitar","price":12,"currency":7}""")]
    [InlineData("""{"title":"Old guitar","title":"New guitar","price":12}""")]
    [InlineData("""{"title":"Old guitar","price":12,"price":1}""")]
    public async Task CreateTicket_wrongTypeOrDuplicateKey_returns400(string body)
    {
        var client = await SignedInAsync();

        await (await PostRawAsync(client, "/api/tickets", body)).DetailAsync(HttpStatusCode.BadRequest);
        await (await PostRawAsync(client, "/api/tickets", """{"title":"Old guitar","price":12}""")).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GenerateTickets_quantityAsString_returns400()
    {
        var client = await SignedInAsync();
        var show = await CreateEventAsync(client);

        await (await PostRawAsync(client, $"/api/events/{show.Id}/tickets", """{"tier":"GA","price":10,"quantity":"5"}""")).DetailAsync(HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<EventBody> CreateEventAsync(HttpClient client) =>
        await (await client.PostAsJsonAsync("/api/events", new { title = "Show", venue = "Hall", startsAt = Starts, endsAt = Starts.AddHours(3), currency = "EUR" }))
            .ReadAsync<EventBody>(HttpStatusCode.Created);

    private async Task<HttpClient> SignedInAsync() => _platform.CreateClientFor(await _platform.SignUpAsync());
}
