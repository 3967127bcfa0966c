using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments.Providers;

/// <summary>
/// A sandbox payment's outcome waiting to be delivered. Internal to Payments (not a contract):
/// it rides the outbox only so that delivery is durable, retried and deduplicated like any event.
/// </summary>
public sealed record SandboxConfirmation(
    string IntentId, Guid PaymentId, Guid OrderId, long AmountMinor, string Currency, string Outcome) : IntegrationEvent
{
    public const string Succeeded = "succeeded";
    public const string Declined = "declined";
}

/// <summary>Holds the secret sandbox callbacks are signed and verified with.</summary>
internal sealed class SandboxSecret(IOptions<PaymentsOptions> options)
{
    public string Value { get; } = options.Value.Sandbox.WebhookSecret is { Length: > 0 } configured
        ? configured
        : SandboxProvider.GenerateSecret();
}

/// <summary>
/// Delivers a sandbox outcome as a Stripe-style event through the very code that handles Stripe's
/// webhooks (signature check included). It signs at delivery rather than at payment time so a
/// callback delayed by a broker outage is not rejected as stale.
/// </summary>
internal sealed class SandboxConfirmations(WebhookProcessor processor, SandboxSecret secret, TimeProvider time)
    : IIntegrationEventHandler<SandboxConfirmation>
{
    public async Task HandleAsync(SandboxConfirmation confirmation, CancellationToken cancellationToken)
    {
        var payload = ToStripeEvent(confirmation, time.GetUtcNow()).ToJsonString();
        var signature = StripeEvent.Sign(payload, secret.Value, time.GetUtcNow());
        var result = await processor.ProcessAsync(ProviderNames.Sandbox, payload, signature, secret.Value, cancellationToken);
        if (result.Outcome == WebhookOutcome.Rejected)
        {
            // Cannot happen unless the two halves disagree; failing sends it to the dead letters.
            throw new InvalidOperationException($"Sandbox callback for payment {confirmation.PaymentId} was rejected: {result.Detail}");
        }
    }

    /// <summary>The event id derives from the confirmation's id, so a redelivery is recognised as a duplicate.</summary>
    internal static JsonObject ToStripeEvent(SandboxConfirmation confirmation, DateTimeOffset now)
    {
        var succeeded = confirmation.Outcome == SandboxConfirmation.Succeeded;
        var intent = new JsonObject
        {
            ["id"] = confirmation.IntentId,
            ["object"] = "payment_intent",
            ["amount"] = confirmation.AmountMinor,
            ["currency"] = confirmation.Currency.ToLowerInvariant(),
            ["status"] = succeeded ? "succeeded" : "requires_payment_method",
            ["livemode"] = false,
            ["metadata"] = new JsonObject
            {
                ["order_id"] = confirmation.OrderId.ToString(),
                ["payment_id"] = confirmation.PaymentId.ToString(),
            },
        };
        if (!succeeded)
        {
            intent["last_payment_error"] = new JsonObject
            {
                ["type"] = "card_error",
                ["code"] = "card_declined",
                ["decline_code"] = "generic_decline",
                ["message"] = "Your card was declined.",
            };
        }

        return new JsonObject
        {
            ["id"] = $"evt_sandbox_{confirmation.Id:N}",
            ["object"] = "event",
            ["api_version"] = StripeEvent.ExpectedApiVersion,
            ["type"] = succeeded ? StripeEvent.Succeeded : StripeEvent.PaymentFailed,
            ["created"] = now.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["data"] = new JsonObject { ["object"] = intent },
        };
    }
}
