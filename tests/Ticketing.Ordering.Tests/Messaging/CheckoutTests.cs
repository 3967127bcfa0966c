using System.Net;
using System.Net.Http.Json;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Messaging;

/// <summary>
/// A payment started inside the hold keeps the order: the checkout extends a hold about to end,
/// and the expiry timer of the hold before the extension no longer cancels it, whichever of the
/// timer and the payment's confirmation reaches Ordering first. The payment window here outlasts
/// the default 15-minute hold, so every checkout extends.
/// </summary>
public sealed class CheckoutTests : IAsyncLifetime
{
    private readonly TestPlatform platform = new TestPlatform().With("Ordering:PaymentWindow", "01:00:00");
    private TestUser buyer = null!;

    public async Task InitializeAsync() => buyer = await platform.SignUpAsync();

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task Checkout_twice_extendsTheHoldOncePublishesOnce()
    {
        var (order, client) = await NewOrderAsync();
        using var disposeClient = client;

        var first = await CheckoutAsync(client, order.Id);
        var second = await CheckoutAsync(client, order.Id);

        Assert.InRange(first.ExpiresAt, order.ExpiresAt.AddMinutes(44), order.ExpiresAt.AddMinutes(46));
        Assert.Equal((first.ExpiresAt, 2), (second.ExpiresAt, second.Version));
        var extended = Assert.Single(await platform.PublishedAsync<OrderingDbContext, OrderHoldExtended>(), e => e.OrderId == order.Id);
        Assert.Equal((2, buyer.Id), (extended.Version, extended.UserId));
        Assert.Equal(first.ExpiresAt, extended.ExpiresAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task ExpirationComplete_timerOfTheHoldBeforeCheckout_leavesTheOrderToBePaid()
    {
        var (order, client) = await NewOrderAsync();
        using var disposeClient = client;
        await CheckoutAsync(client, order.Id);

        await platform.DeliverAsync(OrderingKit.Service, new ExpirationComplete(order.Id, new DateTimeOffset(order.ExpiresAt, TimeSpan.Zero)));
        await platform.DeliverAsync(OrderingKit.Service, new PaymentSucceeded(Guid.NewGuid(), order.Id, buyer.Id, order.Total, order.Currency, "sandbox"));

        Assert.Equal("complete", (await client.GetOrderAsync(order.Id)).Status);
        Assert.DoesNotContain(await platform.PublishedAsync<OrderingDbContext, OrderCancelled>(), e => e.OrderId == order.Id);
    }

    [Fact]
    public async Task ExpirationComplete_timerOfTheExtendedHold_cancelsAndReleases()
    {
        var (order, client) = await NewOrderAsync();
        using var disposeClient = client;
        var extended = await CheckoutAsync(client, order.Id);

        await platform.DeliverAsync(OrderingKit.Service, new ExpirationComplete(order.Id, new DateTimeOffset(extended.ExpiresAt, TimeSpan.Zero)));

        Assert.Equal("cancelled", (await client.GetOrderAsync(order.Id)).Status);
        Assert.Null((await platform.ReplicaAsync(order.Tickets.Single().Id))!.HeldByOrderId);
    }

    [Fact]
    public async Task Checkout_cancelledOrder_answersItAsIsWithoutExtending()
    {
        var (order, client) = await NewOrderAsync();
        using var disposeClient = client;
        (await client.DeleteAsync($"/api/orders/{order.Id}")).EnsureSuccessStatusCode();

        var answer = await CheckoutAsync(client, order.Id);

        Assert.Equal(("cancelled", order.ExpiresAt), (answer.Status, answer.ExpiresAt));
        Assert.DoesNotContain(await platform.PublishedAsync<OrderingDbContext, OrderHoldExtended>(), e => e.OrderId == order.Id);
    }

    private async Task<(OrderBody Order, HttpClient Client)> NewOrderAsync()
    {
        var ticket = await platform.SeedTicketAsync();
        var client = platform.CreateClientFor(buyer);
        return (await client.CreateOrderAsync(new { ticketId = ticket.TicketId }), client);
    }

    private static async Task<OrderBody> CheckoutAsync(HttpClient client, Guid orderId)
    {
        var response = await client.PostAsync($"/api/orders/{orderId}/checkout", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderBody>())!;
    }
}
