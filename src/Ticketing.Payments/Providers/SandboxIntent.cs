namespace Ticketing.Payments.Providers;

/// <summary>
/// The sandbox processor's own record of a payment it started, as Stripe keeps a PaymentIntent:
/// the reconciler reads it when a confirmation never arrived. Saved in the same transaction as
/// the provider id on the payment, so "no record" means the sandbox was never asked.
/// </summary>
public sealed class SandboxIntent
{
    public required string IntentId { get; init; }

    public Guid PaymentId { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    /// <summary><see cref="SandboxConfirmation.Succeeded"/> or <see cref="SandboxConfirmation.Declined"/>.</summary>
    public required string Outcome { get; init; }

    public DateTime CreatedAt { get; init; }
}
