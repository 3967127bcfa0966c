using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ticketing.Payments.Providers;

/// <summary>
/// Picks the provider for new payments (configuration) or for an existing one (the name stored
/// on it), so a payment made before a configuration change is still refunded where it was taken.
/// </summary>
internal sealed class PaymentProviders(IServiceProvider services, IOptions<PaymentsOptions> options)
{
    public IPaymentProvider Active => Get(options.Value.ActiveProvider);

    public IPaymentProvider Get(string name) => name switch
    {
        ProviderNames.Sandbox => services.GetRequiredService<SandboxProvider>(),
        ProviderNames.Stripe => services.GetRequiredService<StripeProvider>(),
        _ => throw new InvalidOperationException($"Unknown payment provider '{name}'."),
    };
}
