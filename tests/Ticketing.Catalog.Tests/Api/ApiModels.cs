using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Catalog.Tests.Api;

public sealed record TicketBody(
    Guid Id, string Title, decimal Price, string Currency, Guid UserId, int Version, Guid? OrderId, Guid? EventId, string? Tier, string? Seat, string Status);

public sealed record TierBody(string Tier, decimal Price, decimal MaxPrice, int Capacity, int Available);

public sealed record EventBody(
    Guid Id, Guid OrganizerId, string Title, string Description, string Venue, DateTime StartsAt, DateTime EndsAt,
    string Currency, string Status, int Version, List<TierBody> Tiers, int WaitingRoomMinutes = 0, DateTime? WaitingRoomClosesAt = null);

public sealed record GenerateBody(Guid EventId, string Tier, int Created, int EventVersion);

internal static class Http
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The field names of a 400 validation problem's <c>errors</c>, after checking that every message
    /// is a sentence (capital first letter, full stop), as the conventions ask of every text a client reads.
    /// </summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors").EnumerateObject().ToList();
        foreach (var message in errors.SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString() ?? ""))
        {
            Assert.True(message.Length > 1 && char.IsUpper(message[0]) && message.EndsWith('.'), $"Not a sentence: \"{message}\"");
        }

        return errors.Select(p => p.Name).Order().ToArray();
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
