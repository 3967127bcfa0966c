using System.Net;
using Microsoft.EntityFrameworkCore;
using Ticketing.Payments.Domain;

namespace Ticketing.Payments.Tests;

public sealed class IdempotencyKeyTests
{
    [Fact]
    public async Task Pay_sameIdempotencyKeyTwice_returnsFirstAnswerAndPaysOnce()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var first = await client.PayAsync(order.OrderId, "pm_card_visa", "key-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        await platform.SettledAsync((await first.PaidAsync()).Id);
        var retry = await client.PayAsync(order.OrderId, "pm_card_visa", "key-1");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Payments.CountAsync(p => p.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task Pay_firstAnswer404BeforeOrderWasReplicated_retryWithSameKeyPays()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        using var client = platform.CreateClientFor(buyer);
        var orderId = Guid.NewGuid();

        var first = await client.PayAsync(orderId, "pm_card_visa", "key-404");
        await platform.DeliverAsync(new Contracts.OrderCreated(orderId, 1, buyer.Id, DateTimeOffset.UtcNow.AddMinutes(15), 100, "EUR", []));
        var retry = await client.PayAsync(orderId, "pm_card_visa", "key-404");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Payments.CountAsync(p => p.OrderId == orderId)));
    }

    [Theory]
    [InlineData(10, HttpStatusCode.Created)]
    [InlineData(0, HttpStatusCode.Conflict)]
    public async Task Pay_keyClaimedByARequestThatNeverAnswered_retryTakesOverOnlyOnceAbandoned(int claimedMinutesAgo, HttpStatusCode expected)
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);
        // What a process that died between claiming the key and answering leaves behind.
        await platform.WithScopeAsync<PaymentsDbContext, int>(db =>
        {
            db.IdempotencyRecords.Add(new Payments.IdempotencyRecord
            {
                UserId = buyer.Id,
                Key = "key-crashed",
                RequestHash = Payments.CreatePayment.Fingerprint(new(order.OrderId, "pm_card_visa")),
                CreatedAt = DateTime.UtcNow.AddMinutes(-claimedMinutesAgo),
            });
            return db.SaveChangesAsync();
        });

        var retry = await client.PayAsync(order.OrderId, "pm_card_visa", "key-crashed");

        Assert.Equal(expected, retry.StatusCode);
        var payments = await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Payments.CountAsync(p => p.OrderId == order.OrderId));
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, payments);
    }

    [Fact]
    public async Task Pay_sameKeyForAnotherRequest_returns422()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);
        await (await client.PayAsync(order.OrderId, "pm_card_chargeDeclined", "key-2")).PaidAsync();

        var reused = await client.PayAsync(order.OrderId, "pm_card_visa", "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task Pay_sameKeyByAnotherUser_isTheirOwnKey()
    {
        await using var platform = new TestPlatform();
        var alice = await platform.SignUpAsync();
        var bob = await platform.SignUpAsync();
        var aliceOrder = await platform.CreateOrderAsync(alice.Id);
        var bobOrder = await platform.CreateOrderAsync(bob.Id);
        using var aliceClient = platform.CreateClientFor(alice);
        using var bobClient = platform.CreateClientFor(bob);

        var alicePayment = await (await aliceClient.PayAsync(aliceOrder.OrderId, "pm_card_visa", "shared")).PaidAsync();
        var bobPayment = await (await bobClient.PayAsync(bobOrder.OrderId, "pm_card_visa", "shared")).PaidAsync();

        Assert.NotEqual(alicePayment.Id, bobPayment.Id);
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.SettledAsync(bobPayment.Id)).Status);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Pay_sameKeyConcurrently_paysOnceAndLogsNoError(TestProvider provider)
    {
        var logs = new LogCapture();
        await using var platform = new TestPlatform(provider).WithLogger(logs);
        // A real order (Ordering knows it too, so completing it logs nothing unusual), once Payments has its replica.
        using var organizer = platform.CreateClientFor(await platform.SignUpAsync());
        var buyer = await platform.SignUpAsync();
        using var buyerClient = platform.CreateClientFor(buyer);
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, 1);
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyerClient, tickets);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.True(await Eventually.TrueAsync(() => platform.WithScopeAsync<PaymentsDbContext, bool>(db => db.Orders.AnyAsync(o => o.OrderId == orderId))));
        logs.Clear();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = platform.CreateClient().WithBearer(buyer.AccessToken);
            using var response = await client.PayAsync(orderId, "pm_card_visa", "key-race");
            return response.StatusCode;
        }));

        // One request claims the key and pays; the others see it in progress (409) or replay its answer (201).
        Assert.All(responses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, s.ToString()));
        Assert.Contains(HttpStatusCode.Created, responses);
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.Payments.CountAsync(p => p.OrderId == orderId)));
        Assert.Equal(1, await platform.WithScopeAsync<PaymentsDbContext, int>(db => db.IdempotencyRecords.CountAsync(r => r.UserId == buyer.Id)));
        // Completing the order travels by event; wait for it so its handlers' logs are included.
        Assert.Equal("complete", await PlatformApi.WaitForAsync(buyerClient, $"/api/orders/{orderId}", "status", "complete"));
        Assert.True(logs.Errors.Count == 0, string.Join("\n", logs.Errors));
    }
}
