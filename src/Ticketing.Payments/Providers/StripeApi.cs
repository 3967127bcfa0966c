using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace Ticketing.Payments.Providers;

/// <summary>
/// The process's one Stripe.net client for the configured secret key, built on first use so a
/// sandbox-only deployment never needs a key. Its HttpClient comes from IHttpClientFactory under
/// <see cref="HttpClientName"/>, which carries the timeout and the connection lifetime.
/// </summary>
internal sealed class StripeApi(IHttpClientFactory clients, IOptions<PaymentsOptions> options)
{
    public const string HttpClientName = "stripe";

    /// <summary>One try per call: the timeout bounds the whole call (see ReconciliationOptions.PendingAge), and callers retry under the same idempotency key.</summary>
    private const int NetworkRetries = 0;

    private readonly Lazy<IStripeClient?> _client = new(() => Build(clients, options.Value.Stripe));

    /// <summary>Throws <see cref="PaymentProviderException"/> when no secret key is configured.</summary>
    public IStripeClient Client => _client.Value
        ?? throw new PaymentProviderException("Stripe is not configured (Payments:Stripe:SecretKey is empty).");

    /// <summary>The named HttpClient: a 30 s timeout per call, and pooled connections renewed so DNS changes are seen by the long-lived client.</summary>
    public static void AddHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The client is kept for the process, so the factory's handler rotation would never reach it anyway.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    private static IStripeClient? Build(IHttpClientFactory clients, StripeOptions stripe) =>
        string.IsNullOrWhiteSpace(stripe.SecretKey)
            ? null
            : new StripeClient(new StripeClientOptions
            {
                ApiKey = stripe.SecretKey.Trim(),
                // Stripe.net appends "/v1/..." to the base as text.
                ApiBase = stripe.BaseUrl.TrimEnd('/'),
                HttpClient = new SystemNetHttpClient(clients.CreateClient(HttpClientName), NetworkRetries, appInfo: null, enableTelemetry: false),
            });
}
