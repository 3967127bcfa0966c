using System.Text;
using RabbitMQ.Client;
using Ticketing.BuildingBlocks.Observability;

namespace Ticketing.BuildingBlocks.Messaging.RabbitMq;

/// <summary>Headers the platform adds to every message, and how a consumer reads them back.</summary>
internal static class RabbitMqHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>Unix milliseconds of the event's occurred_at.</summary>
    public const string OccurredAt = "ticketing-occurred-at";

    /// <summary>The exact occurred_at when the header is there (older publishers sent whole seconds only).</summary>
    public static DateTimeOffset OccurredAtOf(IReadOnlyBasicProperties properties) =>
        properties.Headers?.TryGetValue(OccurredAt, out var value) == true && value is long milliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime);

    /// <summary>The trace context to continue; read only when a tracer listens, so nothing is decoded otherwise.</summary>
    public static string? TraceContextOf(IReadOnlyBasicProperties properties)
    {
        if (!TicketingTelemetry.Messaging.HasListeners() || properties.Headers is not { } headers
            || Text(headers, TraceParent) is not { } traceParent)
        {
            return null;
        }

        return Observability.TraceContext.Join(traceParent, Text(headers, TraceState));
    }

    // The client hands string headers back as UTF-8 bytes.
    private static string? Text(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            _ => null,
        } : null;
}
