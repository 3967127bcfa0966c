using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Ordering.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SellerOrderTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    [Fact]
    public async Task Create_sellersOwnResaleTicket_returns409AndHoldsNothing()
    {
        var listing = OrderingKit.NewTicket(price: 3000) with { OwnerId = api.Buyer.Id };
        await platform.DeliverAsync(OrderingKit.Service, listing);
        using var seller = platform.CreateClientFor(api.Buyer);
        using var buyer = platform.CreateClientFor(api.Other);

        var response = await seller.PostAsJsonAsync("/api/orders", new { ticketIds = new[] { listing.TicketId } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("own resale ticket", problem.RootElement.GetProperty("detail").GetString());
        Assert.Null((await platform.ReplicaAsync(listing.TicketId))!.HeldByOrderId);
        Assert.Equal(3000, (await buyer.CreateOrderAsync(new { ticketId = listing.TicketId })).Total);
    }
}
