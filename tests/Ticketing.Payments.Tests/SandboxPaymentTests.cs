using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;

namespace Ticketing.Payments.Tests;

/// <summary>The embedded default: the sandbox confirms through the same signed-webhook code as Stripe.</summary>
public sealed class SandboxPaymentTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite, false)]
    [InlineData(TestProvider.PostgreSql, true)]
    public async Task Pay_sandboxVisa_succeedsAndPublishesPaymentSucceeded(TestProvider provider, bool rabbitMq)
    {
        await using var platform = new TestPlatform(provider, rabbitMq);
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 7_250);
        using var client = platform.CreateClientFor(buyer);

        var created = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();

        Assert.Equal(PaymentStatuses.Pending, created.Status);
        Assert.Equal(7_250, created.Amount);
        Assert.Equal("EUR", created.Currency);
        var settled = await platform.SettledAsync(created.Id);
        Assert.Equal(PaymentStatuses.Succeeded, settled.Status);
        var published = Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
        Assert.Equal((created.Id, order.OrderId, buyer.Id, 7_250L, "EUR", "sandbox"),
            (published.PaymentId, published.OrderId, published.UserId, published.AmountMinor, published.Currency, published.Provider));
        Assert.Equal(created.Id, (await platform.ReplicaAsync(order.OrderId)).PaidPaymentId);
    }

    [Fact]
    public async Task Pay_declinedThenRetry_secondAttemptSucceeds()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var declined = await (await client.PayAsync(order.OrderId, "4000 0000 0000 0002")).PaidAsync();
        var failed = await platform.SettledAsync(declined.Id);

        Assert.Equal(PaymentStatuses.Failed, failed.Status);
        Assert.Equal("generic_decline", failed.FailureCode);
        Assert.Equal("created", (await platform.ReplicaAsync(order.OrderId)).Status);
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());

        var retry = await (await client.PayAsync(order.OrderId, "4242424242424242")).PaidAsync();

        Assert.Equal(2, retry.Attempt);
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.SettledAsync(retry.Id)).Status);
        Assert.Equal(retry.Id, Assert.Single(await platform.OutboxAsync<PaymentSucceeded>()).PaymentId);
    }

    [Fact]
    public async Task Pay_someoneElsesOrderOrUnknownOrder_returns404()
    {
        await using var platform = new TestPlatform();
        var owner = await platform.SignUpAsync();
        var other = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(owner.Id);
        using var client = platform.CreateClientFor(other);

        var someoneElses = await client.PayAsync(order.OrderId, "pm_card_visa");
        var unknown = await client.PayAsync(Guid.NewGuid(), "pm_card_visa");

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal("application/problem+json", someoneElses.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>($"/api/payments?orderId={order.OrderId}") ?? []);
    }

    [Fact]
    public async Task Pay_cancelledOrder_returns409()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        await platform.DeliverAsync(PaymentsTestKit.Cancelled(order));
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PayAsync(order.OrderId, "pm_card_visa");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Pay_orderPastItsExpiry_returns409()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, expiresIn: TimeSpan.FromMinutes(-1));
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PayAsync(order.OrderId, "pm_card_visa");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pay_orderAlreadyPaid_returns409()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);
        var first = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        await platform.SettledAsync(first.Id);

        var second = await client.PayAsync(order.OrderId, "pm_card_visa");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already paid", await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("pm_card_unknown")]
    [InlineData("4111111111111111")]
    [InlineData(null)]
    public async Task Pay_unknownTestPaymentMethod_returns400(string? paymentMethod)
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PayAsync(order.OrderId, paymentMethod);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("paymentMethod", out _));
    }

    [Fact]
    public async Task Pay_anonymous_returns401()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var response = await client.PayAsync(Guid.NewGuid(), "pm_card_visa");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pay_amountInRequestBody_isIgnoredForTheReplicasTotal()
    {
        await using var platform = new TestPlatform();
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id, totalMinor: 9_900);
        using var client = platform.CreateClientFor(buyer);

        var response = await client.PostAsJsonAsync("/api/payments",
            new { orderId = order.OrderId, paymentMethod = "pm_card_visa", amount = 1, currency = "USD" });

        var payment = await response.PaidAsync();
        Assert.Equal((9_900L, "EUR"), (payment.Amount, payment.Currency));
    }
}
