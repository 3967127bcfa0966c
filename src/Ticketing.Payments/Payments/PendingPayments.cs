using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Providers;
using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments.Payments;

/// <summary>
/// Settles payments whose outcome never reached us: the process died after storing the payment
/// and before the provider's answer or confirmation was recorded, or a webhook never came (Stripe
/// retries for days, but an endpoint can be misconfigured). Each is looked up at its provider and
/// applied through the same code as a webhook, so a success completes the order or is refunded.
/// </summary>
internal sealed class PendingPayments(
    PaymentsDbContext db, PaymentProviders providers, WebhookProcessor processor, TimeProvider time,
    IOptions<PaymentsOptions> options, ILogger<PendingPayments> logger)
{
    public const string NotStarted = "payment_not_started";
    public const string Abandoned = "payment_abandoned";

    /// <summary>One pass over the oldest stale pending payments; returns how many were settled.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Reconciliation;
        var cutoff = time.GetUtcNow().UtcDateTime - settings.PendingAge;
        var stale = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatuses.Pending && p.UpdatedAt < cutoff)
            .OrderBy(p => p.UpdatedAt)
            .Take(settings.BatchSize)
            .Select(p => new { p.Id, p.Provider, p.ProviderPaymentId })
            .ToListAsync(cancellationToken);

        var settled = 0;
        foreach (var payment in stale)
        {
            ProviderPaymentStatus status;
            try
            {
                status = await providers.Get(payment.Provider).LookUpAsync(new ProviderLookupRequest(payment.Id, payment.ProviderPaymentId), cancellationToken);
            }
            catch (PaymentProviderException ex)
            {
                logger.LogWarning(ex, "Looking up pending payment {PaymentId} at {Provider} failed; retrying later", payment.Id, payment.Provider);
                continue;
            }

            if (await SettleAsync(payment.Id, status, cutoff, cancellationToken))
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<bool> SettleAsync(Guid paymentId, ProviderPaymentStatus status, DateTime cutoff, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Payments.FirstAsync(p => p.Id == paymentId, cancellationToken);
        if (payment.Status != PaymentStatuses.Pending)
        {
            return false;
        }

        if (status.ProviderPaymentId is { } providerId)
        {
            payment.AttachProvider(providerId, null);
        }

        var outcome = status.State switch
        {
            ProviderPaymentState.NotFound => processor.Failed(payment, NotStarted),
            ProviderPaymentState.Failed => processor.Failed(payment, status.DeclineCode),
            ProviderPaymentState.Succeeded => await processor.SucceededAsync(payment,
                new StripePaymentIntent(status.ProviderPaymentId!, status.AmountMinor, status.Currency, "succeeded", payment.Id, null),
                cancellationToken),
            _ => await AbandonIfUnpayableAsync(payment, cutoff, cancellationToken),
        };
        if (outcome != WebhookOutcome.Processed)
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A webhook settled it between our read and our write; its outcome stands.
            return false;
        }

        logger.LogInformation("Pending payment {PaymentId} for order {OrderId} reconciled: {State} at the provider, now {Status}",
            payment.Id, payment.OrderId, status.State, payment.Status);
        return true;
    }

    /// <summary>Still open at the provider, but its order can no longer be paid: stop waiting for it.</summary>
    private async Task<WebhookOutcome> AbandonIfUnpayableAsync(Payment payment, DateTime cutoff, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == payment.OrderId, cancellationToken);
        var unpayable = order is null || order.Status != OrderStatuses.Created || order.PaidPaymentId is not null || order.ExpiresAt < cutoff;
        // Should the provider still confirm it later, the webhook finds it failed, succeeds it and refunds it.
        return unpayable ? processor.Failed(payment, Abandoned) : WebhookOutcome.Ignored;
    }
}
