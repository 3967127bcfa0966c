namespace Ticketing.Payments.Providers;

/// <summary>
/// A payment processor. Creating a payment only starts it: the outcome always arrives later as
/// a signed callback (Stripe's webhook, or the sandbox's internal one) handled by
/// <see cref="Webhooks.WebhookProcessor"/>.
/// </summary>
internal interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Null when acceptable; otherwise why <paramref name="paymentMethod"/> cannot be used.</summary>
    string? CheckPaymentMethod(string? paymentMethod);

    Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds the whole payment; safe to repeat (the provider sees one idempotent refund per payment).</summary>
    Task<string> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// What the provider knows of <paramref name="payment"/>, found by its provider id or, when
    /// the process died before storing that id, by our payment id. Used by the reconciler.
    /// </summary>
    Task<ProviderPaymentStatus> LookUpAsync(ProviderLookupRequest payment, CancellationToken cancellationToken);
}

internal sealed record ProviderLookupRequest(Guid PaymentId, string? ProviderPaymentId);

internal enum ProviderPaymentState
{
    /// <summary>The provider never saw this payment: the process died before asking it.</summary>
    NotFound,

    /// <summary>Still open at the provider (the buyer is confirming, 3-D Secure, processing).</summary>
    Processing,
    Succeeded,
    Failed,
}

/// <summary>A provider's view of one payment; amount and currency as the provider recorded them.</summary>
internal sealed record ProviderPaymentStatus(
    ProviderPaymentState State, string? ProviderPaymentId = null, long AmountMinor = 0, string Currency = "", string? DeclineCode = null)
{
    public static ProviderPaymentStatus NotFound { get; } = new(ProviderPaymentState.NotFound);
}

internal sealed record ProviderPaymentRequest(
    Guid PaymentId, Guid OrderId, int Attempt, long AmountMinor, string Currency, string? PaymentMethod);

/// <summary>What the provider said straight away. <paramref name="DeclineCode"/> is set when it refused at once.</summary>
internal sealed record ProviderPayment(string ProviderPaymentId, string? ClientSecret, string? DeclineCode = null);

internal sealed record ProviderRefundRequest(Guid PaymentId, string ProviderPaymentId, long AmountMinor);

/// <summary>The provider refused the payment method as invalid (not a decline): the client's mistake, a 400.</summary>
internal sealed class PaymentMethodRejectedException(string message) : Exception(message);

/// <summary>The provider could not be reached or answered unexpectedly: a 502, and safe to retry.</summary>
internal sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
