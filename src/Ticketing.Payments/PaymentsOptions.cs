namespace Ticketing.Payments;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary><c>Sandbox</c> (built in, the default) or <c>Stripe</c>; new payments go to this provider.</summary>
    public string Provider { get; set; } = ProviderNames.Sandbox;

    /// <summary>How far a webhook's signed timestamp may be from now; older (replayed) ones are rejected.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public StripeOptions Stripe { get; set; } = new();

    public SandboxOptions Sandbox { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>
    /// Where Payments asks Ordering for an order it has not heard of yet (GET /api/orders/{id});
    /// empty means this process's own address, right when Ordering runs in the same process.
    /// </summary>
    public string? OrderingUrl { get; set; }

    /// <summary>How long that question may take before the payment answers 503 (retry).</summary>
    public TimeSpan OrderingTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal string ActiveProvider => Provider.Trim().ToLowerInvariant();
}

public sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    /// <summary>The endpoint's signing secret (<c>whsec_...</c>) that Stripe signs webhooks with.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Handed to the web front end for Stripe.js; never used by the server.</summary>
    public string? PublishableKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.stripe.com";
}

/// <summary>The <c>Payments:Reconciliation</c> section: settling payments whose confirmation never came.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>
    /// A payment pending this long is looked up at its provider. Longer than any live request
    /// (the Stripe call times out after 30 s), so a payment still being started is never touched.
    /// </summary>
    public TimeSpan PendingAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each Payments instance looks for such payments.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many payments per look.</summary>
    public int BatchSize { get; set; } = 100;
}

public sealed class SandboxOptions
{
    /// <summary>Secret the sandbox signs its callbacks with; a random one per process when unset.</summary>
    public string? WebhookSecret { get; set; }
}

/// <summary>Provider names as stored on payments.</summary>
public static class ProviderNames
{
    public const string Sandbox = "sandbox";
    public const string Stripe = "stripe";
}
