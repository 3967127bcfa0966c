using System.Diagnostics;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// The W3C trace context an event carries from the activity that recorded it (stored in the
/// outbox row, sent in the RabbitMQ headers and the in-process envelope) to the handlers that
/// process it, so one purchase is one trace across services. Stored as the <c>traceparent</c>
/// value, followed by a space and the <c>tracestate</c> when there is one: a traceparent never
/// contains a space.
/// </summary>
public static class TraceContext
{
    /// <summary>The current activity's context, or null when no tracer listens (nothing is allocated then).</summary>
    public static string? Capture()
    {
        if (!TicketingTelemetry.Messaging.HasListeners() || Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
        {
            return null;
        }

        var state = current.TraceStateString;
        return string.IsNullOrEmpty(state) ? current.Id : $"{current.Id} {state}";
    }

    public static string Join(string traceParent, string? traceState) =>
        string.IsNullOrEmpty(traceState) ? traceParent : $"{traceParent} {traceState}";

    /// <summary>Splits a stored context into its traceparent and tracestate.</summary>
    public static (string TraceParent, string? TraceState) Split(string context)
    {
        var space = context.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (context, null) : (context[..space], context[(space + 1)..]);
    }

    /// <summary>
    /// Continues a stored trace (the order's, for its payment) for the work the current request
    /// does on its behalf: a span in that trace, linked to the request's own span, so the events
    /// the work records carry the stored trace and one purchase stays one trace although paying is
    /// the buyer's next request. Null when no tracer listens, nothing is stored, or the current
    /// span is already in that trace (a sandbox confirmation handled on the event path).
    /// </summary>
    public static Activity? Continue(string? context, string name)
    {
        if (!TicketingTelemetry.Messaging.HasListeners() || !TryParse(context, out var stored)
            || Activity.Current?.TraceId == stored.TraceId)
        {
            return null;
        }

        ActivityLink[]? links = Activity.Current is { } current ? [new ActivityLink(current.Context)] : null;
        return TicketingTelemetry.Messaging.StartActivity(name, ActivityKind.Internal, stored, links: links);
    }

    public static bool TryParse(string? context, out ActivityContext parent)
    {
        parent = default;
        if (string.IsNullOrEmpty(context))
        {
            return false;
        }

        var (traceParent, traceState) = Split(context);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out parent);
    }
}
