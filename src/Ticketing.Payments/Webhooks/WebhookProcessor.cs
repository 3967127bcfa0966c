using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;

namespace Ticketing.Payments.Webhooks;

public enum WebhookOutcome
{
    Processed,
    Duplicate,

    /// <summary>Authentic but not about one of our payments, or a type we do not act on.</summary>
    Ignored,

    /// <summary>Unsigned, mis-signed, stale or not an event: nothing changed.</summary>
    Rejected,
}

public sealed record WebhookResult(WebhookOutcome Outcome, string? Detail = null);

/// <summary>
/// Applies a provider's signed payment event. Stripe's HTTP webhook and the sandbox's internal
/// callback both come through here, so the sandbox exercises exactly the production path.
/// </summary>
internal sealed class WebhookProcessor(
    PaymentsDbContext db, PaymentRefunds refunds, TimeProvider time, IOptions<PaymentsOptions> options, ILogger<WebhookProcessor> logger)
{
    public async Task<WebhookResult> ProcessAsync(string provider, string payload, string? signature, string secret, CancellationToken cancellationToken)
    {
        if (!StripeEvent.IsSigned(payload, signature, secret, time.GetUtcNow(), options.Value.WebhookTolerance))
        {
            return new WebhookResult(WebhookOutcome.Rejected, "The Stripe-Signature header is missing, invalid or outside the tolerance window.");
        }

        if (StripeEvent.Parse(payload) is not { } stripeEvent)
        {
            // Correctly signed yet malformed: a provider API change or a leaked secret; worth a look.
            logger.LogWarning("A signed {Provider} webhook is not a well-formed event ({Length} bytes); rejected", provider, payload.Length);
            return new WebhookResult(WebhookOutcome.Rejected, "The payload is not a Stripe event.");
        }

        if (!stripeEvent.HasExpectedApiVersion)
        {
            // Read with another release's shapes, its objects could be misread; rejected, Stripe redelivers
            // once the endpoint is moved to the expected version (docs/operations.md).
            logger.LogWarning("A signed {Provider} webhook {EventId} has API version {ApiVersion}, expected {Expected}; rejected",
                provider, stripeEvent.Id, stripeEvent.ApiVersion ?? "(none)", StripeEvent.ExpectedApiVersion);
            return new WebhookResult(WebhookOutcome.Rejected,
                $"The event's API version is {stripeEvent.ApiVersion ?? "missing"}; this endpoint reads {StripeEvent.ExpectedApiVersion}.");
        }

        // The sandbox arrives inside the event dispatcher's transaction; Stripe's webhook needs its own.
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (await db.ProviderEvents.AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
        {
            return new WebhookResult(WebhookOutcome.Duplicate);
        }

        var payment = stripeEvent.Intent?.PaymentId is { } paymentId
            ? await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId && p.Provider == provider, cancellationToken)
            : null;
        var outcome = payment is null || stripeEvent.Intent!.Id != (payment.ProviderPaymentId ?? stripeEvent.Intent.Id)
            ? WebhookOutcome.Ignored
            : stripeEvent.Type switch
            {
                StripeEvent.Succeeded => await SucceededAsync(payment, stripeEvent.Intent, cancellationToken),
                StripeEvent.PaymentFailed => Failed(payment, stripeEvent.Intent.DeclineCode),
                _ => WebhookOutcome.Ignored,
            };

        db.ProviderEvents.Add(new ProcessedProviderEvent
        {
            EventId = stripeEvent.Id, Provider = provider, Type = stripeEvent.Type, ProcessedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (ownTransaction && (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex)))
        {
            // A concurrent delivery shows as the payment's version check or the event's unique key;
            // anything else (a broken connection) is an outage and propagates.
            await transaction!.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.ProviderEvents.AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
            {
                // The same event delivered twice at once: the other delivery applied it.
                return new WebhookResult(WebhookOutcome.Duplicate);
            }

            throw;
        }

        return new WebhookResult(outcome);
    }

    /// <summary>
    /// Money was taken for <paramref name="payment"/> (tracked; the caller saves): completes its
    /// order, or refunds when the order cannot take it. Shared by webhooks and the reconciler.
    /// </summary>
    public async Task<WebhookOutcome> SucceededAsync(Payment payment, StripePaymentIntent intent, CancellationToken cancellationToken)
    {
        if (payment.Status is PaymentStatuses.Succeeded or PaymentStatuses.Refunded)
        {
            return WebhookOutcome.Duplicate;
        }

        // Stripe can confirm before the request that created the intent has stored its id.
        payment.AttachProvider(intent.Id, null);

        if (intent.Amount != payment.AmountMinor || !string.Equals(intent.Currency, payment.Currency, StringComparison.OrdinalIgnoreCase))
        {
            // Our own PaymentIntent with another amount would be a bug or tampering: refund, never complete.
            logger.LogError("Payment {PaymentId} confirmed {Amount} {Currency}, expected {Expected} {ExpectedCurrency}; refunding",
                payment.Id, intent.Amount, intent.Currency, payment.AmountMinor, payment.Currency);
            await refunds.RefundAsync(payment, RefundReasons.AmountMismatch, cancellationToken);
            return WebhookOutcome.Processed;
        }

        // One conditional statement decides which payment completes the order. It loses to a
        // cancellation committed first, and a cancellation committed later sees this payment
        // succeeded and refunds it (see ApplyOrderCancelled).
        var claimed = await db.Orders
            .Where(o => o.OrderId == payment.OrderId && o.Status == OrderStatuses.Created && o.PaidPaymentId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidPaymentId, payment.Id), cancellationToken);
        if (claimed == 1)
        {
            payment.Succeed(time.GetUtcNow().UtcDateTime);
            db.Publish(new PaymentSucceeded(payment.Id, payment.OrderId, payment.UserId, payment.AmountMinor, payment.Currency, payment.Provider));
            return WebhookOutcome.Processed;
        }

        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == payment.OrderId, cancellationToken);
        if (order?.PaidPaymentId == payment.Id)
        {
            // This very payment completed the order already (a webhook and the reconciler raced).
            return WebhookOutcome.Duplicate;
        }

        var reason = order?.Status == OrderStatuses.Cancelled ? RefundReasons.OrderCancelled : RefundReasons.OrderAlreadyPaid;
        logger.LogWarning("Payment {PaymentId} succeeded for order {OrderId} that is {Status}; refunding it",
            payment.Id, payment.OrderId, order?.Status ?? "unknown");
        await refunds.RefundAsync(payment, reason, cancellationToken);
        return WebhookOutcome.Processed;
    }

    /// <summary>Declined; the caller saves.</summary>
    public WebhookOutcome Failed(Payment payment, string? declineCode)
    {
        // The order stays created: the buyer may try again until it expires.
        return payment.Fail(declineCode ?? "payment_failed", time.GetUtcNow().UtcDateTime)
            ? WebhookOutcome.Processed
            : WebhookOutcome.Duplicate;
    }
}
