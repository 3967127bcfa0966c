using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ticketing.Web;

/// <summary>
/// Browser hardening headers on the front end's pages. Every script and style is a file of our
/// own (no inline code), so the policy can be strict; Stripe.js and its iframes are allowed only
/// when Stripe is the payment provider. The API paths and the Swagger UI (which needs inline
/// scripts) keep only <c>nosniff</c>.
/// </summary>
internal sealed class SecurityHeaders(IOptions<PaymentProviderSetting> payments) : IStartupFilter
{
    public const string StripeJs = "https://js.stripe.com";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var stripe = string.Equals(payments.Value.Provider.Trim(), "stripe", StringComparison.OrdinalIgnoreCase);
        var policy = ContentSecurityPolicy(stripe);
        var permissions = stripe
            ? $"camera=(self), microphone=(), geolocation=(), payment=(self \"{StripeJs}\")"
            : "camera=(self), microphone=(), geolocation=(), payment=()";
        app.Use((context, nextMiddleware) =>
        {
            // Set when the response starts, so error answers written after a reset carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (IsPage(context.Request.Path))
                {
                    headers.ContentSecurityPolicy = policy;
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "same-origin";
                    headers["Permissions-Policy"] = permissions;
                    headers["Cross-Origin-Opener-Policy"] = "same-origin";
                }

                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };

    public static string ContentSecurityPolicy(bool stripe) => string.Join("; ",
        "default-src 'self'",
        stripe ? $"script-src 'self' {StripeJs}" : "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        stripe ? "connect-src 'self' https://api.stripe.com" : "connect-src 'self'",
        stripe ? $"frame-src {StripeJs} https://hooks.stripe.com" : "frame-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'");

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/swagger") && !path.StartsWithSegments("/openapi");
}

/// <summary>
/// The one <c>Payments</c> setting the pages depend on: whether Stripe.js may load. Bound here as
/// well as in Payments because the web process need not host Payments.
/// </summary>
internal sealed class PaymentProviderSetting
{
    public const string Section = "Payments";

    public string Provider { get; set; } = "Sandbox";
}
