using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ticketing.Server.Tests;

/// <summary>
/// One purchase is one connected trace: the order's request, then every service's handler of
/// OrderCreated, carried by the trace context stored in the outbox row and sent with the event
/// (in-process envelope, or RabbitMQ headers with every module in this one test host). The
/// payment is the buyer's next request; its work continues the order's trace, so the completion
/// (the sandbox's confirmation, Ordering completing the order, passes, e-mails) is in it too.
/// </summary>
public sealed class TracingTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite, false)]
    [InlineData(TestProvider.PostgreSql, true)]
    public async Task Purchase_traced_orderPaymentAndEveryHandlerShareOneTrace(TestProvider provider, bool rabbitMq)
    {
        await using var platform = new TestPlatform(provider, rabbitMq);
        var spans = SpanSink.On(platform);
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        var (buyer, _) = await api.SignUpAsync();
        var (_, tickets) = await PlatformApi.PublishSeatedEventAsync(organizer, seats: 2);

        var orderId = (await PlatformApi.OrderWhenReplicatedAsync(buyer, tickets.Take(1))).GetProperty("id").GetGuid();
        var order = await ServerSpanAsync(spans, "POST", "/api/orders", 201);
        string[] reservation = ["catalog", "payments", "expiration", "notifications"];
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(reservation.All(s => HandlerServices(spans, order.TraceId).Contains(s)))),
            $"services in the order's trace: {string.Join(", ", HandlerServices(spans, order.TraceId))}");
        Assert.Contains(spans.Snapshot(), s => s.TraceId == order.TraceId && s.Source.Name is "Npgsql" or "OpenTelemetry.Instrumentation.EntityFrameworkCore");

        await PlatformApi.PayAsync(buyer, orderId);
        await PlatformApi.WaitForAsync(buyer, $"/api/orders/{orderId}", "status", "complete");

        // Paying is the buyer's next request, with a trace of its own; the payment's work continues
        // the order's trace, linked to that request, so the completion is in the order's trace too.
        // The sink hears every test of this process; other tests' payments have spans of their own.
        var pay = Assert.Single(spans.Snapshot(), s => s.DisplayName == "pay order" && s.TraceId == order.TraceId);
        var payment = Assert.Single(spans.Snapshot(), s => s.Kind == ActivityKind.Server
            && s.GetTagItem("url.path") as string == "/api/payments" && pay.Links.Any(link => link.Context.SpanId == s.SpanId));
        Assert.NotEqual(order.TraceId, payment.TraceId);
        string[] completion = ["payments", "ordering", "catalog", "notifications"];
        string[] handlers = ["SandboxConfirmations", "CompleteOrder"];
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
                completion.All(s => HandlerServices(spans, order.TraceId).Contains(s)) && handlers.All(h => Handlers(spans, order.TraceId).Contains(h)))),
            $"handlers in the order's trace: {string.Join(", ", Handlers(spans, order.TraceId))}");
    }

    // The client has its answer a moment before the server's span ends and reaches the sink.
    private static async Task<Activity> ServerSpanAsync(SpanSink spans, string method, string path, int status)
    {
        await Eventually.TrueAsync(() => Task.FromResult(FindServerSpan(spans, method, path, status) is not null));
        return FindServerSpan(spans, method, path, status)
            ?? throw new Xunit.Sdk.XunitException($"no {method} {path} {status} among: {string.Join(", ", spans.Snapshot().Where(s => s.Kind == ActivityKind.Server).Select(s => s.DisplayName))}");
    }

    private static Activity? FindServerSpan(SpanSink spans, string method, string path, int status)
    {
        var servers = spans.Snapshot().Where(s => s.Kind == ActivityKind.Server).ToList();
        // The outermost span of that request: a page or module calling the API in-process adds a
        // second server span for the same path inside the same trace.
        return servers.Where(s => s.GetTagItem("http.request.method") as string == method
                && s.GetTagItem("url.path") as string == path
                && Equals(s.GetTagItem("http.response.status_code"), status))
            .OrderBy(s => s.StartTimeUtc).FirstOrDefault();
    }

    private static HashSet<string> Handlers(SpanSink spans, ActivityTraceId traceId) =>
        spans.Snapshot()
            .Where(s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer && s.Source.Name == "Ticketing.Messaging")
            .Select(s => (string)s.GetTagItem("ticketing.handler")!)
            .ToHashSet();

    private static HashSet<string> HandlerServices(SpanSink spans, ActivityTraceId traceId) =>
        spans.Snapshot()
            .Where(s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer && s.Source.Name == "Ticketing.Messaging")
            .Select(s => (string)s.GetTagItem("ticketing.service")!)
            .ToHashSet();
}
