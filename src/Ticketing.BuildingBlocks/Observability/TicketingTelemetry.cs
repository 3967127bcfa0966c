using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// The platform's own trace sources and meter. Static, as the runtime's instruments are: with
/// no tracer or meter listening they cost a flag check (<see cref="ActivitySource.HasListeners"/>,
/// <see cref="Instrument.Enabled"/>), which matters on the CPU-bound purchase path.
/// </summary>
public static class TicketingTelemetry
{
    /// <summary>Spans of the event path: a handler processing an event, a payment continuing its order's trace.</summary>
    public const string MessagingSourceName = "Ticketing.Messaging";

    /// <summary>Every platform metric (outbox, consumers, orders) is an instrument of this meter.</summary>
    public const string MeterName = "Ticketing";

    public static readonly ActivitySource Messaging = new(MessagingSourceName);

    public static readonly Meter Meter = new(MeterName);
}
