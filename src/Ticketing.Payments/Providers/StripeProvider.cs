using Stripe;

namespace Ticketing.Payments.Providers;

/// <summary>
/// Stripe through Stripe.net: every create carries an idempotency key derived from our ids, so a
/// retried call never creates a second charge or refund.
/// </summary>
internal sealed class StripeProvider(StripeApi stripe) : IPaymentProvider
{
    public string Name => ProviderNames.Stripe;

    // Any PaymentMethod id works; without one the browser confirms with Stripe.js and the client secret.
    public string? CheckPaymentMethod(string? paymentMethod) =>
        paymentMethod is null || (paymentMethod.StartsWith("pm_", StringComparison.Ordinal) && paymentMethod.Length <= 255)
            ? null
            : "Expected a Stripe PaymentMethod id (pm_...), or none to confirm in the browser with the client secret.";

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = request.AmountMinor,
            Currency = request.Currency.ToLowerInvariant(),
            Metadata = new Dictionary<string, string>
            {
                ["order_id"] = request.OrderId.ToString(),
                ["payment_id"] = request.PaymentId.ToString(),
                ["attempt"] = request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
        };
        if (request.PaymentMethod is not null)
        {
            // Confirmed server side, so no redirect-based method could need a return_url.
            create.PaymentMethod = request.PaymentMethod;
            create.Confirm = true;
            create.AutomaticPaymentMethods.AllowRedirects = "never";
        }

        var key = new RequestOptions { IdempotencyKey = $"ticketing-order-{request.OrderId:N}-attempt-{request.Attempt}" };
        try
        {
            var intent = await new PaymentIntentService(stripe.Client).CreateAsync(create, key, cancellationToken);
            return new ProviderPayment(intent.Id, intent.ClientSecret);
        }
        catch (StripeException ex) when (ex.StripeError is { Type: "card_error", PaymentIntent.Id: not null } declined)
        {
            // 402 card_error: declined on confirmation; the intent exists and its webhook follows.
            return new ProviderPayment(declined.PaymentIntent.Id, declined.PaymentIntent.ClientSecret, DeclineCode(declined));
        }
        catch (StripeException ex) when (ex.StripeError is { Type: "invalid_request_error", Param: "payment_method" } invalid)
        {
            throw new PaymentMethodRejectedException(invalid.Message ?? "Stripe rejected the payment method.");
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            throw Failure(ex, "creating a PaymentIntent");
        }
    }

    public async Task<string> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        var create = new RefundCreateOptions
        {
            PaymentIntent = request.ProviderPaymentId,
            Metadata = new Dictionary<string, string> { ["payment_id"] = request.PaymentId.ToString() },
        };
        try
        {
            var refund = await new RefundService(stripe.Client)
                .CreateAsync(create, new RequestOptions { IdempotencyKey = $"ticketing-refund-{request.PaymentId:N}" }, cancellationToken);
            return refund.Id;
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "charge_already_refunded")
        {
            // Already refunded (e.g. from the dashboard): the money is back, which is all we need.
            return "already_refunded";
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            throw Failure(ex, $"a refund of {request.ProviderPaymentId}");
        }
    }

    public async Task<ProviderPaymentStatus> LookUpAsync(ProviderLookupRequest payment, CancellationToken cancellationToken)
    {
        var intents = new PaymentIntentService(stripe.Client);
        try
        {
            if (payment.ProviderPaymentId is { } id)
            {
                return ToStatus(await intents.GetAsync(id, options: null, requestOptions: null, cancellationToken));
            }

            // Without a stored id the process died between Stripe's answer and our commit: the intent
            // carries our payment id in its metadata, and search finds it (indexed within a minute,
            // well inside the reconciler's pending age).
            var search = new PaymentIntentSearchOptions { Query = $"metadata['payment_id']:'{payment.PaymentId}'", Limit = 1 };
            var found = await intents.SearchAsync(search, requestOptions: null, cancellationToken);
            return found.Data is [var first, ..] ? ToStatus(first) : ProviderPaymentStatus.NotFound;
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return ProviderPaymentStatus.NotFound;
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            throw Failure(ex, $"looking up payment {payment.PaymentId}");
        }
    }

    /// <summary>https://docs.stripe.com/payments/paymentintents/lifecycle</summary>
    private static ProviderPaymentStatus ToStatus(PaymentIntent intent)
    {
        var decline = intent.LastPaymentError is { } error ? DeclineCode(error) : null;
        var state = intent.Status switch
        {
            "succeeded" => ProviderPaymentState.Succeeded,
            "canceled" => ProviderPaymentState.Failed,
            // Declined and waiting for another card: failed for us; a later success still applies.
            "requires_payment_method" when decline is not null => ProviderPaymentState.Failed,
            _ => ProviderPaymentState.Processing,
        };
        return new ProviderPaymentStatus(state, intent.Id, intent.Amount, intent.Currency ?? "",
            state == ProviderPaymentState.Failed ? decline ?? "canceled" : null);
    }

    private static string DeclineCode(StripeError error) => error.DeclineCode ?? error.Code ?? "card_declined";

    /// <summary>
    /// Stripe answered with an error we have no meaning for, or could not be reached: Stripe.net
    /// passes connection failures and its HttpClient's timeout through unwrapped. A cancelled
    /// caller is not an outage and propagates as it is.
    /// </summary>
    private static bool Unavailable(Exception ex, CancellationToken cancellationToken) =>
        ex is StripeException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static PaymentProviderException Failure(Exception ex, string what) => ex is StripeException { StripeResponse: not null } answered
        ? new PaymentProviderException($"Stripe answered {(int)answered.HttpStatusCode} to {what}.", ex)
        : new PaymentProviderException($"Stripe could not be reached for {what}.", ex);
}
