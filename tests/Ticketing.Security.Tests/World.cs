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

    /// <summary>A second order of the buyer, reserved but not paid.</summary>
    public required Guid UnpaidOrderId { get; init; }

    public required Guid PassId { get; init; }

    /// <summary>The buyer's two passes (one order of two seats); the first is <see cref="PassId"/>.</summary>
    public required List<string> PassCodes { get; init; }

    public required Guid NotificationId { get; init; }

    public static Task<World> CreateAsync(TestPlatform platform) =>
        CreateAsync(() => platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false }));

    /// <param name="newClient">A client without cookies to the platform.</param>
    public static async Task<World> CreateAsync(Func<HttpClient> newClient)
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = newClient();
            return await TestUsers.SignUpAsync(client);
        }));
        var (organizer, buyer, other, staff, otherOrganizer, otherStaff) = (users[0], users[1], users[2], users[3], users[4], users[5]);
        using var organizerClient = newClient().WithBearer(organizer.AccessToken);
        using var otherOrganizerClient = newClient().WithBearer(otherOrganizer.AccessToken);
        using var buyerClient = newClient().WithBearer(buyer.AccessToken);

        var (eventId, tickets) = await PublishSeatedEventAsync(organizerClient, Seats);
        var (otherEventId, _) = await PublishSeatedEventAsync(otherOrganizerClient, 2);
        await AddStaffAsync(organizerClient, eventId, staff);
        await AddStaffAsync(otherOrganizerClient, otherEventId, otherStaff);

        var order = await OrderWhenReplicatedAsync(buyerClient, [tickets[0], tickets[1]]);
        var orderId = order.GetProperty("id").GetGuid();
        var unpaid = await OrderWhenReplicatedAsync(buyerClient, [tickets[2]]);
        var payment = await PayAsync(buyerClient, orderId);
        var codes = await PassCodesWhenIssuedAsync(buyerClient, 2);
        var passes = await ReadAsync(await buyerClient.GetAsync("/api/passes"), HttpStatusCode.OK);
        var notificationId = Guid.Empty;
        var found = await Eventually.TrueAsync(async () =>
        {
            var list = await buyerClient.GetFromJsonAsync<JsonElement>("/api/notifications");
            var first = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().FirstOrDefault() : default;
            notificationId = first.ValueKind == JsonValueKind.Object ? first.GetProperty("id").GetGuid() : Guid.Empty;
            return notificationId != Guid.Empty;
        }, TimeSpan.FromSeconds(30));
        Assert.True(found, "the buyer got no notification");

        return new World
        {
            Organizer = organizer,
            Buyer = buyer,
            Other = other,
            Staff = staff,
            OtherOrganizer = otherOrganizer,
            OtherStaff = otherStaff,
            EventId = eventId,
            OtherEventId = otherEventId,
            FreeTickets = tickets.Skip(3).ToList(),
            UnpaidOrderId = unpaid.GetProperty("id").GetGuid(),
            SoldTicket = tickets[0],
            OrderId = orderId,
            PaymentId = payment.GetProperty("id").GetGuid(),
            PassId = passes.EnumerateArray().First(p => p.GetProperty("code").GetString() == codes[0]).GetProperty("id").GetGuid(),
            PassCodes = codes,
            NotificationId = notificationId,
        };
    }

    /// <summary>Catalog learns users from Identity's events, a moment after sign-up.</summary>
    private static async Task AddStaffAsync(HttpClient organizer, Guid eventId, TestUser staff)
    {
        var invited = await organizer.PostAsJsonAsync($"/api/events/{eventId}/staff", new { email = staff.Email });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        // Accepted before Catalog knows the user too: the invitation then applies when UserRegistered arrives.
        var added = await Eventually.TrueAsync(async () =>
        {
            var listed = await organizer.GetStringAsync($"/api/events/{eventId}/staff");
            return listed.Contains(staff.Id.ToString(), StringComparison.OrdinalIgnoreCase);
        }, TimeSpan.FromSeconds(30));
        Assert.True(added, "catalog never learnt the staff member");
    }
}
