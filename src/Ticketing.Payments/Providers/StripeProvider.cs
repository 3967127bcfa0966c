using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Ticketing.Payments.Providers;

/// <summary>
/// Stripe over its REST API (the .NET SDK is not available): form-encoded requests with an
/// <c>Idempotency-Key</c>, so a retried call never creates a second charge or refund.
/// </summary>
internal sealed class StripeProvider(HttpClient http, IOptions<PaymentsOptions> options) : IPaymentProvider
{
    public string Name => ProviderNames.Stripe;

    // Any PaymentMethod id works; without one the browser confirms with Stripe.js and the client secret.
    public string? CheckPaymentMethod(string? paymentMethod) =>
        paymentMethod is null || (paymentMethod.StartsWith("pm_", StringComparison.Ordinal) && paymentMethod.Length <= 255)
            ? null
            : "Expected a Stripe PaymentMethod id (pm_...), or none to confirm in the browser with the client secret.";

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("amount", request.AmountMinor.ToString(CultureInfo.InvariantCulture)),
            new("currency", request.Currency.ToLowerInvariant()),
            new("metadata[order_id]", request.OrderId.ToString()),
            new("metadata[payment_id]", request.PaymentId.ToString()),
            new("metadata[attempt]", request.Attempt.ToString(CultureInfo.InvariantCulture)),
            new("automatic_payment_methods[enabled]", "true"),
        };
        if (request.PaymentMethod is not null)
        {
            // Confirmed server side, so no redirect-based method could need a return_url.
            form.Add(new("payment_method", request.PaymentMethod));
            form.Add(new("confirm", "true"));
            form.Add(new("automatic_payment_methods[allow_redirects]", "never"));
        }

        var key = $"ticketing-order-{request.OrderId:N}-attempt-{request.Attempt}";
        var (status, json) = await PostAsync("/v1/payment_intents", form, key, cancellationToken);
        using (json)
        {
            var root = json.RootElement;
            if (status == HttpStatusCode.OK && Text(root, "id") is { } id)
            {
                return new ProviderPayment(id, Text(root, "client_secret"));
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                // 402 card_error: declined on confirmation; the intent exists and its webhook follows.
                if (Text(error, "type") == "card_error" && error.TryGetProperty("payment_intent", out var intent)
                    && Text(intent, "id") is { } declinedId)
                {
                    return new ProviderPayment(declinedId, Text(intent, "client_secret"), Text(error, "decline_code") ?? Text(error, "code") ?? "card_declined");
                }

                if (Text(error, "type") == "invalid_request_error" && Text(error, "param") == "payment_method")
                {
                    throw new PaymentMethodRejectedException(Text(error, "message") ?? "Stripe rejected the payment method.");
                }
            }

            throw new PaymentProviderException($"Stripe answered {(int)status} to creating a PaymentIntent.");
        }
    }

    public async Task<string> RefundAsync(ProviderRefundRequest request, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("payment_intent", request.ProviderPaymentId),
            new("metadata[payment_id]", request.PaymentId.ToString()),
        };
        var (status, json) = await PostAsync("/v1/refunds", form, $"ticketing-refund-{request.PaymentId:N}", cancellationToken);
        using (json)
        {
            if (status == HttpStatusCode.OK && Text(json.RootElement, "id") is { } id)
            {
                return id;
            }

            // Already refunded (e.g. from the dashboard): the money is back, which is all we need.
            if (json.RootElement.TryGetProperty("error", out var error) && Text(error, "code") == "charge_already_refunded")
            {
                return Text(error, "refund") ?? "already_refunded";
            }

            throw new PaymentProviderException($"Stripe answered {(int)status} to a refund of {request.ProviderPaymentId}.");
        }
    }

    public async Task<ProviderPaymentStatus> LookUpAsync(ProviderLookupRequest payment, CancellationToken cancellationToken)
    {
        // Without a stored id the process died between Stripe's answer and our commit: the intent
        // carries our payment id in its metadata, and search finds it (indexed within a minute,
        // well inside the reconciler's pending age).
        var path = payment.ProviderPaymentId is { } id
            ? $"/v1/payment_intents/{Uri.EscapeDataString(id)}"
            : $"/v1/payment_intents/search?query={Uri.EscapeDataString($"metadata['payment_id']:'{payment.PaymentId}'")}";
        var (status, json) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(path)), cancellationToken);
        using (json)
        {
            var root = json.RootElement;
            if (status == HttpStatusCode.NotFound)
            {
                return ProviderPaymentStatus.NotFound;
            }

            if (status != HttpStatusCode.OK)
            {
                throw new PaymentProviderException($"Stripe answered {(int)status} to looking up payment {payment.PaymentId}.");
            }

            if (Text(root, "object") == "search_result")
            {
                var found = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0;
                return found ? ToStatus(data[0]) : ProviderPaymentStatus.NotFound;
            }

            return ToStatus(root);
        }
    }

    /// <summary>https://docs.stripe.com/payments/paymentintents/lifecycle</summary>
    private static ProviderPaymentStatus ToStatus(JsonElement intent)
    {
        var decline = intent.TryGetProperty("last_payment_error", out var error) && error.ValueKind == JsonValueKind.Object
            ? Text(error, "decline_code") ?? Text(error, "code") ?? "card_declined"
            : null;
        var state = Text(intent, "status") switch
        {
            "succeeded" => ProviderPaymentState.Succeeded,
            "canceled" => ProviderPaymentState.Failed,
            // Declined and waiting for another card: failed for us; a later success still applies.
            "requires_payment_method" when decline is not null => ProviderPaymentState.Failed,
            _ => ProviderPaymentState.Processing,
        };
        var amount = intent.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt64(out var minor) ? minor : 0;
        return new ProviderPaymentStatus(state, Text(intent, "id"), amount, Text(intent, "currency") ?? "",
            state == ProviderPaymentState.Failed ? decline ?? "canceled" : null);
    }

    private Uri Url(string path) => new(new Uri(options.Value.Stripe.BaseUrl), path);

    private Task<(HttpStatusCode Status, JsonDocument Json)> PostAsync(
        string path, List<KeyValuePair<string, string>> form, string idempotencyKey, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = new FormUrlEncodedContent(form) };
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        return SendAsync(message, cancellationToken);
    }

    private async Task<(HttpStatusCode Status, JsonDocument Json)> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var _ = message;
        var path = message.RequestUri!.AbsolutePath;
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Stripe.SecretKey);
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, JsonDocument.Parse(body.Length == 0 ? "{}" : body));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException($"Stripe could not be reached at {path}.", ex);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
