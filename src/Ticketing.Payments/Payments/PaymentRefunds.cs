using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Providers;

namespace Ticketing.Payments.Payments;

public static class RefundReasons
{
    public const string OrderCancelled = "order-cancelled";
    public const string OrderExpired = "order-expired";
    public const string EventCancelled = "event-cancelled";
    public const string OrderAlreadyPaid = "order-already-paid";
    public const string AmountMismatch = "amount-mismatch";
}

/// <summary>Gives a payment's money back and records RefundIssued with it.</summary>
internal sealed class PaymentRefunds(PaymentsDbContext db, PaymentProviders providers, TimeProvider time)
{
    /// <summary>
    /// Calls the provider first and changes the payment after: if the commit then fails, the
    /// retry repeats the refund under the same idempotency key, which the provider absorbs;
    /// the opposite order (commit, then call) could lose a refund. The caller saves.
    /// </summary>
    public async Task RefundAsync(Payment payment, string reason, CancellationToken cancellationToken)
    {
        if (payment.ProviderPaymentId is null)
        {
            throw new InvalidOperationException($"Payment {payment.Id} has no provider payment to refund.");
        }

        var refundId = await providers.Get(payment.Provider)
            .RefundAsync(new ProviderRefundRequest(payment.Id, payment.ProviderPaymentId, payment.AmountMinor), cancellationToken);
        if (payment.Refund(refundId, time.GetUtcNow().UtcDateTime))
        {
            db.Publish(new RefundIssued(payment.Id, payment.OrderId, payment.UserId, payment.AmountMinor, payment.Currency, reason));
        }
    }
}
