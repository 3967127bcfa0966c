namespace Ticketing.Payments.Domain;

public static class PaymentStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Money was taken and given back (the order could not be completed with it).</summary>
    public const string Refunded = "refunded";
}

/// <summary>
/// One attempt to pay an order. The amount is copied from Payments' replica of the order, never
/// from the client. Outcomes come from the provider's confirmation (a webhook), and a payment
/// that has taken money only ever moves to <c>refunded</c>: money is never silently forgotten.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid UserId { get; private set; }

    public string Provider { get; private set; } = "";

    public string? ProviderPaymentId { get; private set; }

    public string Status { get; private set; } = PaymentStatuses.Pending;

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>Lets the browser confirm the payment with Stripe.js; null for the sandbox.</summary>
    public string? ClientSecret { get; private set; }

    /// <summary>1, 2, ... per order; part of the provider idempotency key, unique per order.</summary>
    public int Attempt { get; private set; }

    public string? FailureCode { get; private set; }

    public string? RefundId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token: a webhook and an order cancellation racing on one payment cannot both win.</summary>
    public int Version { get; private set; }

    public static Payment Start(Guid orderId, Guid userId, string provider, long amountMinor, string currency, int attempt, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMinor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        return new Payment
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            UserId = userId,
            Provider = provider,
            Status = PaymentStatuses.Pending,
            AmountMinor = amountMinor,
            Currency = currency,
            Attempt = attempt,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    /// <summary>Records the provider's id for this payment once known; the first one stays.</summary>
    public void AttachProvider(string providerPaymentId, string? clientSecret)
    {
        ProviderPaymentId ??= providerPaymentId;
        ClientSecret ??= clientSecret;
    }

    /// <summary>
    /// Money was taken. A failed payment can still succeed (Stripe lets the buyer retry the same
    /// PaymentIntent); false when it already succeeded or was refunded.
    /// </summary>
    public bool Succeed(DateTime now)
    {
        if (Status is not (PaymentStatuses.Pending or PaymentStatuses.Failed))
        {
            return false;
        }

        Status = PaymentStatuses.Succeeded;
        FailureCode = null;
        Touch(now);
        return true;
    }

    /// <summary>Declined or abandoned; only a pending payment can fail.</summary>
    public bool Fail(string code, DateTime now)
    {
        if (Status != PaymentStatuses.Pending)
        {
            return false;
        }

        Status = PaymentStatuses.Failed;
        FailureCode = code;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Records that the taken money was returned. Also valid straight from pending/failed: a
    /// late success for an order that can no longer be completed is refunded without ever
    /// counting as a success. False when already refunded.
    /// </summary>
    public bool Refund(string refundId, DateTime now)
    {
        if (Status == PaymentStatuses.Refunded)
        {
            return false;
        }

        Status = PaymentStatuses.Refunded;
        RefundId = refundId;
        Touch(now);
        return true;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
