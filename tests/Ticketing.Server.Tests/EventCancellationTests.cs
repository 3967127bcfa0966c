using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Payments;

namespace Ticketing.Server.Tests;

/// <summary>
/// An organizer cancels an event with one paid and one open order, through the public API on the
/// embedded topology: every order ends, the paid one is refunded exactly once, nobody can pay any
/// more, and both buyers hear about it in the app and by e-mail.
/// </summary>
public sealed class EventCancellationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task CancelEvent_withPaidAndOpenOrders_cancelsBothRefundsThePaidOnceAndNotifiesBothBuyers(TestProvider provider)
    {
        await using var platform = new TestPlatform(provider);
        var organizer = platform.CreateClientFor(await platform.SignUpAsync());
        var (paidBuyer, openBuyer) = (await platform.SignUpAsync(), await platform.SignUpAsync());
        using var paid = platform.CreateClientFor(paidBuyer);
        using var open = platform.CreateClientFor(openBuyer);
        var (eventId, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 3);
        var paidOrder = (await PlatformApi.OrderWhenReplicatedAsync(paid, [tickets[0]])).GetProperty("id").GetGuid();
        var paymentId = (await PlatformApi.PayAsync(paid, paidOrder)).GetProperty("id").GetGuid();
        await PlatformApi.WaitForAsync(paid, $"/api/orders/{paidOrder}", "status", "complete");
        await PlatformApi.PassCodesWhenIssuedAsync(paid, expected: 1);
        var openOrder = (await PlatformApi.OrderWhenReplicatedAsync(open, [tickets[1]])).GetProperty("id").GetGuid();
        Assert.True(await Eventually.TrueAsync(() => ReplicaStatusAsync(platform, openOrder, "created")), "Payments never learnt of the open order");

        await PlatformApi.ReadAsync(await organizer.PostAsync($"/api/events/{eventId}/cancel", null), HttpStatusCode.OK);

        Assert.Equal("cancelled", await PlatformApi.WaitForAsync(open, $"/api/orders/{openOrder}", "status", "cancelled"));
        Assert.Equal("cancelled", await PlatformApi.WaitForAsync(paid, $"/api/orders/{paidOrder}", "status", "cancelled"));
        Assert.True(await Eventually.TrueAsync(() => ReplicaStatusAsync(platform, openOrder, "cancelled"), TimeSpan.FromSeconds(60)));
        var refused = await open.PostAsJsonAsync("/api/payments", new { orderId = openOrder, paymentMethod = "pm_card_visa" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cancelled this order's event", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal("refunded", await PlatformApi.WaitForAsync(paid, $"/api/payments/{paymentId}", "status", "refunded"));
        Assert.Equal("revoked", Assert.Single((await paid.GetFromJsonAsync<JsonElement>("/api/passes")).EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("withdrawn", await PlatformApi.WaitForAsync(paid, $"/api/tickets/{tickets[0]}", "status", "withdrawn"));
        Assert.Equal("withdrawn", await PlatformApi.WaitForAsync(open, $"/api/tickets/{tickets[1]}", "status", "withdrawn"));

        Assert.True(await Eventually.TrueAsync(async () =>
            await KindsAsync(paid) is var kinds && kinds.Contains("order-cancelled-event-cancelled") && kinds.Contains("refund-issued")), "paid buyer not notified");
        Assert.True(await Eventually.TrueAsync(async () => (await KindsAsync(open)).Contains("order-cancelled-event-cancelled")), "open buyer not notified");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await MailsToAsync(platform, paidBuyer.Email)) is var mails
            && mails.Any(m => m.Contains("Your event was cancelled")) && mails.Any(m => m.Contains("Your payment was refunded")),
            TimeSpan.FromSeconds(60)), "paid buyer got no cancellation and refund e-mails");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await MailsToAsync(platform, openBuyer.Email)).Any(m => m.Contains("Your event was cancelled")), TimeSpan.FromSeconds(60)),
            "open buyer got no cancellation e-mail");

        // Everything has settled by now; a second refund would be in the outbox beside the first.
        var refunds = (await platform.PublishedAsync<PaymentsDbContext, RefundIssued>()).Where(r => r.OrderId == paidOrder || r.OrderId == openOrder).ToList();
        var refund = Assert.Single(refunds);
        Assert.Equal((paymentId, paidBuyer.Id, "event-cancelled"), (refund.PaymentId, refund.UserId, refund.Reason));
        Assert.DoesNotContain("refund-issued", await KindsAsync(open));
    }

    private static Task<bool> ReplicaStatusAsync(TestPlatform platform, Guid orderId, string status) =>
        platform.WithScopeAsync<PaymentsDbContext, bool>(db => db.Orders.AnyAsync(o => o.OrderId == orderId && o.Status == status));

    private static async Task<List<string>> KindsAsync(HttpClient buyer) =>
        (await buyer.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray().Select(n => n.GetProperty("kind").GetString()!).ToList();

    private static async Task<List<string>> MailsToAsync(TestPlatform platform, string email)
    {
        var folder = Path.Combine(platform.DataDirectory, "mail");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var mails = await Task.WhenAll(Directory.GetFiles(folder, "*.eml").Select(f => File.ReadAllTextAsync(f)));
        return mails.Where(m => m.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
