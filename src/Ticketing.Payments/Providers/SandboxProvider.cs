using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Ticketing.Payments.Providers;

/// <summary>
/// The built-in processor: Stripe's test-mode cards without an account. It never decides an
/// outcome synchronously; it queues a confirmation (an outbox row saved with the payment) that
/// <see cref="SandboxConfirmations"/> turns into a signed Stripe-style event for the webhook code.
/// </summary>
internal sealed class SandboxProvider(PaymentsDbContext db, TimeProvider time) : IPaymentProvider
{
    private static readonly Dictionary<string, bool> TestCards = new(StringComparer.Ordinal)
    {
        ["pm_card_visa"] = true,
        ["4242424242424242"] = true,
        ["pm_card_chargeDeclined"] = false,
        ["4000000000000002"] = false,
    };

    public string Name => ProviderNames.Sandbox;

    public string? CheckPaymentMethod(string? paymentMethod) =>
        paymentMethod is not null && TestCards.ContainsKey(Normalise(paymentMethod))
            ? null
            : "Use a test payment method: pm_card_visa or 4242424242424242 (succeeds), pm_card_chargeDeclined or 4000000000000002 (declined).";

    public Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.PaymentMethod is null || !TestCards.TryGetValue(Normalise(request.PaymentMethod), out var succeeds))
        {
            throw new PaymentMethodRejectedException("Unknown sandbox payment method.");
        }

        var intentId = $"pi_sandbox_{request.PaymentId:N}";
        var outcome = succeeds ? SandboxConfirmation.Succeeded : SandboxConfirmation.Declined;
        // Saved by the caller in the same SaveChanges as the provider id: a crash loses none of the three.
        db.SandboxIntents.Add(new SandboxIntent
        {
            IntentId = intentId, PaymentId = request.PaymentId, AmountMinor = request.AmountMinor, Currency = request.Currency,
            Outcome = outcome, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        db.Publish(new SandboxConfirmation(intentId, request.PaymentId, request.OrderId, request.AmountMinor, request.Currency, outcome));
        return Task.FromResult(new ProviderPayment(intentId, null));
    }

    public async Task<ProviderPaymentStatus> LookUpAsync(ProviderLookupRequest payment, CancellationToken cancellationToken)
    {
        var intent = await db.SandboxIntents.AsNoTracking().FirstOrDefaultAsync(i => i.PaymentId == payment.PaymentId, cancellationToken);
        return intent is null
            ? ProviderPaymentStatus.NotFound
            : new ProviderPaymentStatus(
                intent.Outcome == SandboxConfirmation.Succeeded ? ProviderPaymentState.Succeeded : ProviderPaymentState.Failed,
                intent.IntentId, intent.AmountMinor, intent.Currency,
                intent.Outcome == SandboxConfirmation.Succeeded ? null : "generic_decline");
    }

    public Task<string> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult($"re_sandbox_{request.PaymentId:N}");

    /// <summary>Card numbers may be typed with spaces or dashes.</summary>
    private static string Normalise(string paymentMethod) =>
        paymentMethod.StartsWith("pm_", StringComparison.Ordinal)
            ? paymentMethod.Trim()
            : paymentMethod.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>The sandbox secret when none is configured: only this process signs and verifies with it.</summary>
    public static string GenerateSecret() => "whsec_sandbox_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
