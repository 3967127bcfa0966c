using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ticketing.Payments.Tests;

/// <summary>
/// A local stand-in for api.stripe.com: answers PaymentIntent and Refund creation with Stripe's
/// documented JSON shapes (errors included), honours Idempotency-Key like Stripe (same key, same
/// answer) and builds webhook events signed with Stripe's scheme, computed here independently.
/// </summary>
public sealed class StripeFake : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake";
    public const string WebhookSecret = "whsec_test_fake";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _byIdempotencyKey = new();
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();

    private StripeFake(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<StripeCall> Calls { get; } = new();

    public IEnumerable<StripeCall> Refunds => Calls.Where(c => c.Path == "/v1/refunds");

    public static async Task<StripeFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new StripeFake(app);
        app.MapPost("/v1/payment_intents", (HttpContext c) => fake.HandleAsync(c, fake.CreateIntent));
        app.MapPost("/v1/refunds", (HttpContext c) => fake.HandleAsync(c, fake.CreateRefund));
        // Declared before the {id} route's literal peer so "search" is never taken for an id.
        app.MapGet("/v1/payment_intents/search", (HttpContext c) => fake.SearchAsync(c));
        app.MapGet("/v1/payment_intents/{id}", (HttpContext c, string id) => fake.RetrieveAsync(c, id));
        await app.StartAsync();
        fake.Url = app.Urls.First();
        return fake;
    }

    /// <summary>
    /// A Stripe event about a PaymentIntent this fake created, as Stripe would POST it to an
    /// endpoint created with Stripe.net's API version (as docs/operations.md asks), unless
    /// <paramref name="apiVersion"/> says otherwise.
    /// </summary>
    public string Event(string type, string intentId, string? eventId = null, string? apiVersion = null)
    {
        var intent = (JsonObject)_intents[intentId].DeepClone();
        intent["status"] = type == "payment_intent.succeeded" ? "succeeded" : "requires_payment_method";
        return new JsonObject
        {
            ["id"] = eventId ?? $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = apiVersion ?? Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = intent },
        }.ToJsonString();
    }

    /// <summary>Stripe-Signature for <paramref name="payload"/>: t=...,v1=HMAC-SHA256("{t}.{payload}").</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Func<IFormCollection, (int, JsonObject)> create)
    {
        var form = await context.Request.ReadFormAsync();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        Calls.Enqueue(new StripeCall(context.Request.Path, key, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (context.Request.Headers.Authorization != $"Bearer {SecretKey}")
        {
            await WriteAsync(context, 401, Error("invalid_request_error", "Invalid API Key provided.").ToJsonString());
            return;
        }

        var (status, body) = _byIdempotencyKey.GetOrAdd(key, _ =>
        {
            var (s, json) = create(form);
            return (s, json.ToJsonString());
        });
        await WriteAsync(context, status, body);
    }

    /// <summary>Stripe's search query language, only the form the reconciler sends: metadata['key']:'value'.</summary>
    private async Task SearchAsync(HttpContext context)
    {
        Calls.Enqueue(new StripeCall(context.Request.Path + context.Request.QueryString, "", new Dictionary<string, string>()));
        var match = System.Text.RegularExpressions.Regex.Match(context.Request.Query["query"].ToString(), @"^metadata\['(\w+)'\]:'([^']*)'$");
        if (!match.Success)
        {
            await WriteAsync(context, 400, Error("invalid_request_error", "Unsupported search query.").ToJsonString());
            return;
        }

        var found = new JsonArray(_intents.Values
            .Where(i => i["metadata"]?[match.Groups[1].Value]?.GetValue<string>() == match.Groups[2].Value)
            .Select(i => (JsonNode)i.DeepClone()).ToArray());
        await WriteAsync(context, 200, new JsonObject { ["object"] = "search_result", ["data"] = found, ["has_more"] = false }.ToJsonString());
    }

    private async Task RetrieveAsync(HttpContext context, string id)
    {
        Calls.Enqueue(new StripeCall(context.Request.Path, "", new Dictionary<string, string>()));
        if (_intents.TryGetValue(id, out var intent))
        {
            await WriteAsync(context, 200, intent.ToJsonString());
            return;
        }

        var missing = Error("invalid_request_error", $"No such payment_intent: '{id}'");
        missing["error"]!["code"] = "resource_missing";
        await WriteAsync(context, 404, missing.ToJsonString());
    }

    private (int, JsonObject) CreateIntent(IFormCollection form)
    {
        var method = form["payment_method"].ToString();
        if (method.Length > 0 && method is not ("pm_card_visa" or "pm_card_chargeDeclined"))
        {
            var missing = Error("invalid_request_error", $"No such PaymentMethod: '{method}'");
            missing["error"]!["code"] = "resource_missing";
            missing["error"]!["param"] = "payment_method";
            return (400, missing);
        }

        var id = $"pi_{Guid.NewGuid():N}"[..27];
        var confirm = form["confirm"] == "true";
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = long.Parse(form["amount"]!, CultureInfo.InvariantCulture),
            ["currency"] = form["currency"].ToString(),
            ["client_secret"] = $"{id}_secret_{Guid.NewGuid():N}",
            ["status"] = method.Length == 0 ? "requires_payment_method" : confirm ? "succeeded" : "requires_confirmation",
            ["payment_method"] = method.Length == 0 ? null : method,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create(f.Key[9..^1], (JsonNode?)f.Value.ToString()))),
        };
        _intents[id] = intent;
        if (confirm && method == "pm_card_chargeDeclined")
        {
            intent["status"] = "requires_payment_method";
            intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline" };
            var declined = Error("card_error", "Your card was declined.");
            declined["error"]!["code"] = "card_declined";
            declined["error"]!["decline_code"] = "generic_decline";
            declined["error"]!["payment_intent"] = intent.DeepClone();
            return (402, declined);
        }

        return (200, intent);
    }

    private (int, JsonObject) CreateRefund(IFormCollection form)
    {
        if (!_intents.TryGetValue(form["payment_intent"].ToString(), out var intent))
        {
            return (400, Error("invalid_request_error", "No such payment_intent"));
        }

        return (200, new JsonObject
        {
            ["id"] = $"re_{Guid.NewGuid():N}"[..27],
            ["object"] = "refund",
            ["amount"] = intent["amount"]!.GetValue<long>(),
            ["currency"] = intent["currency"]!.GetValue<string>(),
            ["payment_intent"] = intent["id"]!.GetValue<string>(),
            ["status"] = "succeeded",
        });
    }

    private static JsonObject Error(string type, string message) =>
        new() { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } };

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}

public sealed record StripeCall(string Path, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
