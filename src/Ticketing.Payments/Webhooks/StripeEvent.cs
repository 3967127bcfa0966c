using Stripe;

namespace Ticketing.Payments.Webhooks;

/// <summary>The parts of a Stripe event (<c>payment_intent.*</c>) that Payments acts on, read by Stripe.net.</summary>
internal sealed record StripeEvent(string Id, string Type, string? ApiVersion, StripePaymentIntent? Intent)
{
    public const string Header = "Stripe-Signature";
    public const string Succeeded = EventTypes.PaymentIntentSucceeded;
    public const string PaymentFailed = EventTypes.PaymentIntentPaymentFailed;

    /// <summary>The API version Stripe.net reads; events must come from a webhook endpoint on the same release.</summary>
    public static string ExpectedApiVersion => StripeConfiguration.ApiVersion;

    /// <summary>
    /// Stripe's signature scheme as Stripe.net checks it: one of the <c>v1</c> HMACs over
    /// <c>"{t}.{raw body}"</c> matches the secret, and <c>t</c> is within <paramref name="tolerance"/>
    /// of now in either direction, so a captured request cannot be replayed later.
    /// </summary>
    public static bool IsSigned(string payload, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        try
        {
            EventUtility.ValidateSignature(payload, header, secret, (long)tolerance.TotalSeconds, now.ToUnixTimeSeconds());
            return true;
        }
        catch (Exception ex) when (ex is StripeException or FormatException or OverflowException)
        {
            // FormatException, OverflowException: a matching signature over a t that is not a number of seconds.
            return false;
        }
    }

    /// <summary>The header Stripe would send for <paramref name="payload"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset timestamp) =>
        EventUtility.GenerateSignatureHeader(payload, secret, timestamp.ToUnixTimeSeconds());

    /// <summary>Null when the (already verified) payload is not a Stripe event we can trust the shape of.</summary>
    public static StripeEvent? Parse(string payload)
    {
        Event parsed;
        try
        {
            // The API version is compared by the caller, which tells a stale endpoint from garbage.
            parsed = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or StripeException or InvalidOperationException
            or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            // Stripe.net throws all of these for hostile shapes: text that is not JSON or not valid
            // UTF-16 (an unpaired surrogate escape), a number where a string belongs, an out of range date.
            return null;
        }

        if (parsed is not { Id: { Length: > 0 and <= 255 } id, Type: { Length: > 0 and <= 100 } type })
        {
            return null;
        }

        StripePaymentIntent? intent = null;
        if (parsed.Data?.Object is PaymentIntent pi)
        {
            // Stripe sends amounts as non-negative integers of minor units; anything else is not Stripe.
            if (pi.Id is not { Length: > 0 } || pi.Amount < 0)
            {
                return null;
            }

            intent = new StripePaymentIntent(pi.Id, pi.Amount, pi.Currency ?? "", pi.Status ?? "",
                pi.Metadata?.TryGetValue("payment_id", out var paymentId) == true && Guid.TryParse(paymentId, out var parsedId) ? parsedId : null,
                pi.LastPaymentError is { } error ? error.DeclineCode ?? error.Code : null);
        }

        return new StripeEvent(id, type, parsed.ApiVersion, intent);
    }

    /// <summary>Whether Stripe.net reads this event's objects as they were written (same release train).</summary>
    public bool HasExpectedApiVersion => ApiVersion is { Length: > 0 } version && EventUtility.IsCompatibleApiVersion(version);
}

/// <summary>A PaymentIntent as an event carries it; <paramref name="PaymentId"/> is our id from its metadata.</summary>
internal sealed record StripePaymentIntent(string Id, long Amount, string Currency, string Status, Guid? PaymentId, string? DeclineCode);
