using System.Text.Json;

namespace Ticketing.Payments.Webhooks;

/// <summary>The parts of a Stripe event (<c>payment_intent.*</c>) that Payments acts on.</summary>
internal sealed record StripeEvent(string Id, string Type, StripePaymentIntent? Intent)
{
    public const string Succeeded = "payment_intent.succeeded";
    public const string PaymentFailed = "payment_intent.payment_failed";

    /// <summary>Null when the payload is not a Stripe event at all.</summary>
    public static StripeEvent? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "id") is not { Length: > 0 and <= 255 } id
                || Text(root, "type") is not { Length: > 0 and <= 100 } type)
            {
                return null;
            }

            var intent = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object
                && Text(obj, "object") == "payment_intent"
                    ? ParseIntent(obj)
                    : null;
            return new StripeEvent(id, type, intent);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: text that is valid JSON but not valid UTF-16 (an unpaired
            // surrogate escape such as "\ud800"), which GetString refuses.
            return null;
        }
    }

    private static StripePaymentIntent? ParseIntent(JsonElement obj)
    {
        if (Text(obj, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var metadata = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        string? decline = null;
        if (obj.TryGetProperty("last_payment_error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            decline = Text(error, "decline_code") ?? Text(error, "code");
        }

        return new StripePaymentIntent(
            id,
            Amount(obj),
            Text(obj, "currency") ?? "",
            Text(obj, "status") ?? "",
            metadata.ValueKind == JsonValueKind.Object && Guid.TryParse(Text(metadata, "payment_id"), out var paymentId) ? paymentId : null,
            decline);
    }

    /// <summary>Stripe sends amounts as integers of minor units; any other shape is not a Stripe event.</summary>
    private static long Amount(JsonElement intent) =>
        !intent.TryGetProperty("amount", out var amount) ? 0
        : amount.ValueKind == JsonValueKind.Number && amount.TryGetInt64(out var minor) && minor >= 0 ? minor
        : throw new JsonException("The PaymentIntent's amount is not an integer of minor units.");

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A PaymentIntent as an event carries it; <paramref name="PaymentId"/> is our id from its metadata.</summary>
internal sealed record StripePaymentIntent(string Id, long Amount, string Currency, string Status, Guid? PaymentId, string? DeclineCode);
