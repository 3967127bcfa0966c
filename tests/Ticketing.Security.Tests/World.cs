using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Ticketing.Testing.PlatformApi;

namespace Ticketing.Security.Tests;

/// <summary>
/// A small populated platform: an organizer's published event with gate staff, a buyer who paid
/// for one seat (order, payment, pass, notification), another organizer's event with its own
/// staff, and a bystander. Real ids for route parameters and real callers for every column of
/// the authorization matrix.
/// </summary>
internal sealed class World
{
    public const int Seats = 12;

    public required TestPlatform Platform { get; init; }

    public required TestUser Organizer { get; init; }

    public required TestUser Buyer { get; init; }

    public required TestUser Other { get; init; }

    public required TestUser Staff { get; init; }

    public required TestUser OtherOrganizer { get; init; }

    public required TestUser OtherStaff { get; init; }

    public required Guid EventId { get; init; }

    public required Guid OtherEventId { get; init; }

    /// <summary>Seats of the event nobody has ordered yet.</summary>
    public required List<Guid> FreeTickets { get; init; }

    public required Guid SoldTicket { get; init; }

    public required Guid OrderId { get; init; }

    public required Guid PaymentId { get; init; }

    public required Guid PassId { get; init; }

    public required string PassCode { get; init; }

    public required Guid NotificationId { get; init; }

    public static async Task<World> CreateAsync(TestPlatform platform)
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => platform.SignUpAsync()));
        var (organizer, buyer, other, staff, otherOrganizer, otherStaff) = (users[0], users[1], users[2], users[3], users[4], users[5]);
        using var organizerClient = platform.CreateClientFor(organizer);
        using var otherOrganizerClient = platform.CreateClientFor(otherOrganizer);
        using var buyerClient = platform.CreateClientFor(buyer);

        var (eventId, tickets) = await PublishSeatedEventAsync(organizerClient, Seats);
        var (otherEventId, _) = await PublishSeatedEventAsync(otherOrganizerClient, 2);
        await AddStaffAsync(organizerClient, eventId, staff);
        await AddStaffAsync(otherOrganizerClient, otherEventId, otherStaff);

        var order = await OrderWhenReplicatedAsync(buyerClient, [tickets[0]]);
        var orderId = order.GetProperty("id").GetGuid();
        var payment = await PayWhenReplicatedAsync(buyerClient, orderId);
        var code = (await PassCodesWhenIssuedAsync(buyerClient, 1))[0];
        var passes = await ReadAsync(await buyerClient.GetAsync("/api/passes"), HttpStatusCode.OK);
        var notificationId = Guid.Empty;
        await Eventually.TrueAsync(async () =>
        {
            var list = await buyerClient.GetFromJsonAsync<JsonElement>("/api/notifications");
            var first = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().FirstOrDefault() : default;
            notificationId = first.ValueKind == JsonValueKind.Object ? first.GetProperty("id").GetGuid() : Guid.Empty;
            return notificationId != Guid.Empty;
        }, TimeSpan.FromSeconds(30));

        return new World
        {
            Platform = platform,
            Organizer = organizer,
            Buyer = buyer,
            Other = other,
            Staff = staff,
            OtherOrganizer = otherOrganizer,
            OtherStaff = otherStaff,
            EventId = eventId,
            OtherEventId = otherEventId,
            FreeTickets = tickets.Skip(1).ToList(),
            SoldTicket = tickets[0],
            OrderId = orderId,
            PaymentId = payment.GetProperty("id").GetGuid(),
            PassId = passes.EnumerateArray().First().GetProperty("id").GetGuid(),
            PassCode = code,
            NotificationId = notificationId,
        };
    }

    /// <summary>Catalog learns users from Identity's events, a moment after sign-up.</summary>
    private static async Task AddStaffAsync(HttpClient organizer, Guid eventId, TestUser staff)
    {
        await Eventually.TrueAsync(async () =>
        {
            var response = await organizer.PostAsJsonAsync($"/api/events/{eventId}/staff", new { email = staff.Email });
            return response.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30));
    }
}
