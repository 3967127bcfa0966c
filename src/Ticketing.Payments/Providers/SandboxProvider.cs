using System.Security.Cryptography;

namespace Ticketing.Payments.Providers;

/// <summary>
/// The built-in processor: Stripe's test-mode cards without an account. It never decides an
/// outcome synchronously; it queues a confirmation (an outbox row saved with the payment) that
/// <see cref="SandboxConfirmations"/> turns into a signed Stripe-style event for the webhook code.
/// </summary>
internal sealed class SandboxProvider(PaymentsDbContext db) : IPaymentProvider
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
        // Saved by the caller in the same SaveChanges as the payment: a crash loses neither.
        db.Publish(new SandboxConfirmation(
            intentId, request.PaymentId, request.OrderId, request.AmountMinor, request.Currency,
            succeeds ? SandboxConfirmation.Succeeded : SandboxConfirmation.Declined));
        return Task.FromResult(new ProviderPayment(intentId, null));
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
