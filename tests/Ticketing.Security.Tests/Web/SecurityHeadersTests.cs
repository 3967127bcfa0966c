using System.Net;

namespace Ticketing.Security.Tests.Web;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Page_sandboxPayments_sendsStrictPolicyWithoutStripe()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        using var response = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("stripe", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_stripePayments_allowsStripeJsOnly()
    {
        await using var platform = new TestPlatform()
            .With("Payments:Provider", "Stripe")
            .With("Payments:Stripe:SecretKey", "sk_test_headers")
            .With("Payments:Stripe:WebhookSecret", "whsec_headers");
        using var client = platform.CreateClient();

        using var response = await client.GetAsync("/");

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self' https://js.stripe.com;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-src https://js.stripe.com", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_errorAnswer_isNosniffWithoutPagePolicy()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        using var response = await client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
