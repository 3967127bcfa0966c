using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ticketing.Identity.Keys;

namespace Ticketing.Security.Tests.Logging;

/// <summary>
/// Runs the flows that handle secrets with every log category at Debug and proves none of the
/// secrets reaches a log line, its structured values or an exception text.
/// </summary>
public sealed class SecretsNotLoggedTests
{
    private const string CardNumber = "4242424242424242";
    private const string StripeSecretKey = "sk_test_NeverLogThisSecretKey000";
    private const string StripeWebhookSecret = "whsec_NeverLogThisWebhookSecret000";
    private const string SandboxWebhookSecret = "sandbox_NeverLogThisCallbackSecret000";

    [Fact]
    public async Task SignupSigninTokenPaymentAndWebhook_atDebugLevel_logNoSecret()
    {
        var logs = new LogCapture();
        await using var platform = new TestPlatform()
            .With("Payments:Provider", "Stripe")
            .With("Payments:Stripe:SecretKey", StripeSecretKey)
            .With("Payments:Stripe:WebhookSecret", StripeWebhookSecret)
            // Nothing listens there: the payment fails the way an outage does, and logs it.
            .With("Payments:Stripe:BaseUrl", "http://127.0.0.1:9")
            .With("Payments:Sandbox:WebhookSecret", SandboxWebhookSecret);
        await using var logged = platform.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Debug)));
        HttpClient NewClient() => logged.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var world = await WorldWithoutPaymentAsync(NewClient);
        using var anonymous = NewClient();
        var wrong = await anonymous.PostAsJsonAsync("/api/users/signin", new { email = world.Buyer.Email, password = world.Buyer.Password + "x" });
        var signin = await anonymous.PostAsJsonAsync("/api/users/signin", new { email = world.Buyer.Email, password = world.Buyer.Password });
        var cookieToken = SessionToken(signin);
        using var buyer = NewClient().WithBearer(world.Buyer.AccessToken);
        var paid = await buyer.PostAsJsonAsync("/api/payments", new { orderId = world.OrderId, paymentMethod = CardNumber });
        var payload = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = $"evt_{Guid.NewGuid():N}",
            type = "payment_intent.succeeded",
            data = new { @object = new { id = "pi_x", @object = "payment_intent", amount = 100, currency = "eur", metadata = new { order_id = world.OrderId } } },
        });
        await SendWebhookAsync(anonymous, payload, StripeWebhookSecret);
        await SendWebhookAsync(anonymous, payload, "whsec_guessed");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.NotNull(cookieToken);
        Assert.False(paid.IsSuccessStatusCode);
        var signingKey = logged.Services.GetRequiredService<SigningKeyStore>().Current.ExportPrivatePem();
        var secrets = new Dictionary<string, string>
        {
            ["password"] = world.Buyer.Password,
            ["access token"] = world.Buyer.AccessToken,
            ["access token signature"] = world.Buyer.AccessToken.Split('.')[2],
            ["session cookie token"] = cookieToken!,
            ["card number"] = CardNumber,
            ["Stripe secret key"] = StripeSecretKey,
            ["Stripe webhook secret"] = StripeWebhookSecret,
            ["sandbox webhook secret"] = SandboxWebhookSecret,
            ["signing key"] = signingKey.Split('\n')[1],
        };
        var text = logs.Text();
        Assert.True(logs.Count > 50, $"only {logs.Count} log entries were captured");
        Assert.Empty(secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Key));
    }

    private static async Task<(TestUser Buyer, Guid OrderId)> WorldWithoutPaymentAsync(Func<HttpClient> newClient)
    {
        using var signup = newClient();
        var organizer = await TestUsers.SignUpAsync(signup);
        var buyer = await TestUsers.SignUpAsync(signup);
        using var organizerClient = newClient().WithBearer(organizer.AccessToken);
        using var buyerClient = newClient().WithBearer(buyer.AccessToken);
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizerClient, 2);
        var order = await PlatformApi.OrderWhenReplicatedAsync(buyerClient, [tickets[0]]);
        var orderId = order.GetProperty("id").GetGuid();
        // Payments learns the order from an event; wait until it would take a payment for it.
        await Eventually.TrueAsync(async () =>
            (await buyerClient.PostAsJsonAsync("/api/payments", new { orderId, paymentMethod = "" })).StatusCode != System.Net.HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30));
        return (buyer, orderId);
    }

    private static string? SessionToken(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("ticketing_session=", StringComparison.Ordinal))?["ticketing_session=".Length..]
            : null;

    private static async Task SendWebhookAsync(HttpClient client, string payload, string secret)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", $"t={t},v1={mac}");
        using var _ = await client.SendAsync(request);
    }

    /// <summary>Every log entry of the platform, with its structured values and exception.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public int Count => _entries.Count;

        public string Text() => string.Join("\n", _entries);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                capture._entries.Enqueue($"{category} scope: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture._entries.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {Describe(state)} | {exception}");

            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
