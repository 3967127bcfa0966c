using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Testing;

/// <summary>
/// The buyer's journey through the public HTTP API (organizer publishes seats, buyer orders and
/// pays), usable against an in-memory platform or a real edge URL, so every topology runs the same steps.
/// </summary>
public sealed class PlatformApi(Func<HttpClient> newClient)
{
    public async Task<(HttpClient Client, Guid UserId)> SignUpAsync()
    {
        var client = newClient();
        var user = await TestUsers.SignUpAsync(client);
        client.DefaultRequestHeaders.Remove("Cookie");
        return (client.WithBearer(user.AccessToken), user.Id);
    }

    /// <summary>Creates and publishes an event with one row of seats; returns the event and its ticket ids.</summary>
    public static async Task<(Guid EventId, List<Guid> TicketIds)> PublishSeatedEventAsync(HttpClient organizer, int seats)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var created = await ReadAsync(await organizer.PostAsJsonAsync("/api/events", new
        {
            title = "Journey night", description = "End to end", venue = "Hall 1", startsAt = starts, endsAt = starts.AddHours(2), currency = "EUR",
        }), HttpStatusCode.Created);
        var eventId = created.GetProperty("id").GetGuid();
        await ReadAsync(await organizer.PostAsJsonAsync($"/api/events/{eventId}/tickets", new
        {
            tier = "Floor", price = 40.5m, section = "Floor", rows = new[] { "A" }, seatsPerRow = seats,
        }), HttpStatusCode.Created);
        await ReadAsync(await organizer.PostAsync($"/api/events/{eventId}/publish", null), HttpStatusCode.OK);
        var tickets = await ReadAsync(await organizer.GetAsync($"/api/tickets?eventId={eventId}&pageSize=200"), HttpStatusCode.OK);
        return (eventId, tickets.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList());
    }

    /// <summary>Orders the tickets once Ordering's replica knows them (it learns them from events).</summary>
    public static async Task<JsonElement> OrderWhenReplicatedAsync(HttpClient buyer, IEnumerable<Guid> ticketIds)
    {
        HttpResponseMessage? response = null;
        await Eventually.TrueAsync(async () =>
        {
            response = await buyer.PostAsJsonAsync("/api/orders", new { ticketIds });
            return response.StatusCode != HttpStatusCode.NotFound && response.StatusCode != HttpStatusCode.Conflict;
        }, TimeSpan.FromSeconds(60));
        return await ReadAsync(response!, HttpStatusCode.Created);
    }

    /// <summary>
    /// Pays the order in one request: Payments must accept an order the moment Ordering created it,
    /// before OrderCreated reached it (it asks Ordering), so a 404 here is a failure.
    /// </summary>
    public static async Task<JsonElement> PayAsync(HttpClient buyer, Guid orderId, string paymentMethod = "pm_card_visa") =>
        await ReadAsync(await buyer.PostAsJsonAsync("/api/payments", new { orderId, paymentMethod }), HttpStatusCode.Created);

    /// <summary>The buyer's pass codes, once Catalog has issued them for the completed order.</summary>
    public static async Task<List<string>> PassCodesWhenIssuedAsync(HttpClient buyer, int expected)
    {
        var codes = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            var passes = await ReadAsync(await buyer.GetAsync("/api/passes"), HttpStatusCode.OK);
            codes = passes.EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
            return codes.Count >= expected;
        }, TimeSpan.FromSeconds(60));
        return codes;
    }

    /// <summary>Scans a code at the gate twice: the first scan admits, the second is refused as already used.</summary>
    public static async Task<(HttpStatusCode First, HttpStatusCode Second)> ScanTwiceAsync(HttpClient gate, string code)
    {
        var first = await gate.PostAsJsonAsync("/api/checkins", new { code });
        var second = await gate.PostAsJsonAsync("/api/checkins", new { code });
        return (first.StatusCode, second.StatusCode);
    }

    public static async Task<string?> WaitForAsync(HttpClient client, string url, string property, string expected)
    {
        string? last = null;
        await Eventually.TrueAsync(async () =>
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString();
            return last == expected;
        }, TimeSpan.FromSeconds(60));
        return last;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
