using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Payments;
using Ticketing.Payments.Providers;

namespace Ticketing.Payments.Tests;

/// <summary>
/// A crash of Payments at each step of a payment, simulated by leaving exactly the rows that step
/// had committed, then one reconciler pass. Every payment ends in a final state by itself.
/// </summary>
public sealed class PaymentReconciliationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Reconcile_sandboxCrashAfterPaymentStoredBeforeProviderCall_failsItAndBuyerCanPayAgain(TestProvider provider)
    {
        await using var platform = Reconciling(new TestPlatform(provider));
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        var orphan = await platform.StoreAsync(Payment.Start(order.OrderId, buyer.Id, ProviderNames.Sandbox, 4_500, "EUR", 1, DateTime.UtcNow));

        Assert.Equal(1, await platform.ReconcileAsync());

        var failed = await platform.PaymentAsync(orphan.Id);
        Assert.Equal((PaymentStatuses.Failed, PendingPayments.NotStarted), (failed.Status, failed.FailureCode));
        using var client = platform.CreateClientFor(buyer);
        var retry = await (await client.PayAsync(order.OrderId, "pm_card_visa")).PaidAsync();
        Assert.Equal(2, retry.Attempt);
        Assert.Equal(PaymentStatuses.Succeeded, (await platform.SettledAsync(retry.Id)).Status);
        Assert.Equal(retry.Id, Assert.Single(await platform.OutboxAsync<PaymentSucceeded>()).PaymentId);
    }

    [Fact]
    public async Task Reconcile_sandboxConfirmationNeverDelivered_succeedsOnceAndLateConfirmationIsNoOp()
    {
        await using var platform = Reconciling(new TestPlatform());
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        // What the request committed, minus the confirmation (as if it were dead-lettered).
        var payment = Payment.Start(order.OrderId, buyer.Id, ProviderNames.Sandbox, 4_500, "EUR", 1, DateTime.UtcNow);
        payment.AttachProvider($"pi_sandbox_{payment.Id:N}", null);
        await platform.StoreAsync(payment, new SandboxIntent
        {
            IntentId = $"pi_sandbox_{payment.Id:N}", PaymentId = payment.Id, AmountMinor = 4_500, Currency = "EUR",
            Outcome = SandboxConfirmation.Succeeded, CreatedAt = DateTime.UtcNow,
        });

        Assert.Equal(1, await platform.ReconcileAsync());
        await platform.DeliverAsync(new SandboxConfirmation($"pi_sandbox_{payment.Id:N}", payment.Id, order.OrderId, 4_500, "EUR", SandboxConfirmation.Succeeded));

        Assert.Equal(PaymentStatuses.Succeeded, (await platform.PaymentAsync(payment.Id)).Status);
        Assert.Equal(payment.Id, Assert.Single(await platform.OutboxAsync<PaymentSucceeded>()).PaymentId);
        Assert.Equal(payment.Id, (await platform.ReplicaAsync(order.OrderId)).PaidPaymentId);
        Assert.Equal(0, await platform.ReconcileAsync());
    }

    [Fact]
    public async Task Reconcile_stripeCrashAfterIntentCreatedBeforeIdStored_findsItBySearchAndCompletesOnce()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = Reconciling(new TestPlatform().WithStripe(stripe));
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        var payment = await platform.StoreAsync(Payment.Start(order.OrderId, buyer.Id, ProviderNames.Stripe, 4_500, "EUR", 1, DateTime.UtcNow));
        // Stripe took the money; the process died before it recorded the intent's id.
        var intentId = await CreateIntentAtStripeAsync(stripe, payment, "pm_card_visa");

        Assert.Equal(1, await platform.ReconcileAsync());

        var settled = await platform.PaymentAsync(payment.Id);
        Assert.Equal((PaymentStatuses.Succeeded, intentId), (settled.Status, settled.ProviderPaymentId));
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
        // Stripe's own webhook arrives after all: nothing more happens, and nothing is refunded.
        var payload = stripe.Event("payment_intent.succeeded", intentId);
        using var webhook = platform.CreateClient();
        Assert.Contains("duplicate", await (await webhook.SendWebhookAsync(payload, StripeFake.Sign(payload, DateTimeOffset.UtcNow))).Content.ReadAsStringAsync());
        Assert.Single(await platform.OutboxAsync<PaymentSucceeded>());
        Assert.Empty(stripe.Refunds);
    }

    [Fact]
    public async Task Reconcile_stripeCrashAfterDeclinedIntentBeforeIdStored_failsWithTheDeclineCode()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = Reconciling(new TestPlatform().WithStripe(stripe));
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        var payment = await platform.StoreAsync(Payment.Start(order.OrderId, buyer.Id, ProviderNames.Stripe, 4_500, "EUR", 1, DateTime.UtcNow));
        var intentId = await CreateIntentAtStripeAsync(stripe, payment, "pm_card_chargeDeclined");

        Assert.Equal(1, await platform.ReconcileAsync());

        var failed = await platform.PaymentAsync(payment.Id);
        Assert.Equal((PaymentStatuses.Failed, "generic_decline", intentId), (failed.Status, failed.FailureCode, failed.ProviderPaymentId));
        Assert.Empty(await platform.OutboxAsync<PaymentSucceeded>());
    }

    [Theory]
    [InlineData("pm_card_visa", PaymentStatuses.Succeeded)]
    [InlineData(null, PaymentStatuses.Pending)]
    public async Task Reconcile_stripeWebhookNeverArrived_retrievesIntentAndSettlesOnlyAFinalOne(string? method, string expected)
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = Reconciling(new TestPlatform().WithStripe(stripe));
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        using var client = platform.CreateClientFor(buyer);
        var paid = await (await client.PayAsync(order.OrderId, method)).PaidAsync();
        var before = await platform.PaymentAsync(paid.Id);

        await platform.ReconcileAsync();

        var after = await platform.PaymentAsync(paid.Id);
        Assert.Equal(expected, after.Status);
        Assert.Contains(stripe.Calls, c => c.Path == $"/v1/payment_intents/{before.ProviderPaymentId}");
        Assert.Equal(expected == PaymentStatuses.Succeeded ? 1 : 0, (await platform.OutboxAsync<PaymentSucceeded>()).Count);
    }

    [Fact]
    public async Task Reconcile_stripeNeverReachedAndOrderExpired_failsAsNotStartedWithoutCharging()
    {
        await using var stripe = await StripeFake.StartAsync();
        await using var platform = Reconciling(new TestPlatform().WithStripe(stripe));
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        var payment = await platform.StoreAsync(Payment.Start(order.OrderId, buyer.Id, ProviderNames.Stripe, 4_500, "EUR", 1, DateTime.UtcNow));

        await platform.ReconcileAsync();

        Assert.Equal(PendingPayments.NotStarted, (await platform.PaymentAsync(payment.Id)).FailureCode);
        Assert.DoesNotContain(stripe.Calls, c => c.Path == "/v1/payment_intents");
    }

    [Fact]
    public async Task Reconcile_paymentYoungerThanPendingAge_isLeftAlone()
    {
        await using var platform = new TestPlatform().With("Payments:Reconciliation:PendingAge", "00:10:00").With("Payments:Reconciliation:Interval", "01:00:00");
        var buyer = await platform.SignUpAsync();
        var order = await platform.CreateOrderAsync(buyer.Id);
        var payment = await platform.StoreAsync(Payment.Start(order.OrderId, buyer.Id, ProviderNames.Sandbox, 4_500, "EUR", 1, DateTime.UtcNow));

        Assert.Equal(0, await platform.ReconcileAsync());

        Assert.Equal(PaymentStatuses.Pending, (await platform.PaymentAsync(payment.Id)).Status);
    }

    /// <summary>Every pending payment counts as stale; the background loop never ticks on its own.</summary>
    private static TestPlatform Reconciling(TestPlatform platform) => platform
        .With("Payments:Reconciliation:PendingAge", "00:00:00.001")
        .With("Payments:Reconciliation:Interval", "01:00:00");

    private static async Task<string> CreateIntentAtStripeAsync(StripeFake stripe, Payment payment, string method)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stripe.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payment_intents")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["amount"] = "4500", ["currency"] = "eur", ["payment_method"] = method, ["confirm"] = "true",
                ["metadata[payment_id]"] = payment.Id.ToString(), ["metadata[order_id]"] = payment.OrderId.ToString(),
            }),
        };
        request.Headers.Authorization = new("Bearer", StripeFake.SecretKey);
        request.Headers.Add("Idempotency-Key", $"ticketing-order-{payment.OrderId:N}-attempt-{payment.Attempt}");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        // A decline answers 402 with the intent inside the error, as Stripe does.
        return (body.TryGetProperty("error", out var error) ? error.GetProperty("payment_intent") : body).GetProperty("id").GetString()!;
    }
}

internal static class ReconciliationTestKit
{
    public static async Task<Payment> StoreAsync(this TestPlatform platform, Payment payment, params object[] more)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        db.Payments.Add(payment);
        foreach (var entity in more)
        {
            db.Add(entity);
        }

        await db.SaveChangesAsync();
        await Task.Delay(5); // older than the tests' 1 ms pending age
        return payment;
    }

    public static Task<int> ReconcileAsync(this TestPlatform platform) =>
        platform.WithScopeAsync<PendingPayments, int>(p => p.ReconcileAsync(CancellationToken.None));
}
