using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// Instruments of the event path. The counters are recorded where things happen (guarded by
/// <see cref="Instrument.Enabled"/>, so nothing is computed when no meter listens); the outbox
/// gauges read what each relay noted after its last poll, so a scrape costs no database query.
/// </summary>
public static class MessagingMetrics
{
    private static readonly ConcurrentDictionary<string, RelayState> Relays = new(StringComparer.Ordinal);

    private static readonly Counter<long> Published = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.outbox.published", "{event}", "Events a relay handed to the transport.");

    private static readonly Counter<long> PublishFailures = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.outbox.publish_failures", "{event}", "Publish attempts the transport refused; the relay retries them.");

    private static readonly Histogram<double> Lag = TicketingTelemetry.Meter.CreateHistogram<double>(
        "ticketing.events.lag", "s", "From the event's occurred_at to its handler's commit (consumer lag).");

    private static readonly Counter<long> HandlerFailures = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.events.handler_failures", "{attempt}", "Handler attempts that threw (each is retried until the attempts run out).");

    private static readonly Counter<long> DeadLetters = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.events.dead_lettered", "{event}", "Events parked as dead letters after every attempt failed.");

    static MessagingMetrics()
    {
        TicketingTelemetry.Meter.CreateObservableGauge("ticketing.outbox.pending", ObservePending, "{event}",
            "Unpublished outbox rows the relay's last poll found (capped at Messaging:OutboxBatchSize).");
        TicketingTelemetry.Meter.CreateObservableGauge("ticketing.outbox.oldest_age", ObserveOldestAge, "s",
            "Age of the oldest event the relay's last poll left waiting; 0 when it published all it found.");
    }

    /// <summary>
    /// What a relay learnt from one poll: how many rows it found and the oldest one it left waiting.
    /// The relay's clock is kept with them, so the gauge ages the row on the same clock (a test's fake one too).
    /// </summary>
    public static void RelayPolled(string service, int found, DateTime? oldestWaiting, TimeProvider time)
    {
        var state = Relays.GetOrAdd(service, static _ => new RelayState());
        Volatile.Write(ref state.Time, time);
        Volatile.Write(ref state.Pending, found);
        Volatile.Write(ref state.OldestWaitingTicks, oldestWaiting?.Ticks ?? 0);
    }

    public static void EventsPublished(string service, int count)
    {
        if (count > 0 && Published.Enabled)
        {
            Published.Add(count, new KeyValuePair<string, object?>("service", service));
        }
    }

    public static void PublishFailed(string service, string eventType)
    {
        if (PublishFailures.Enabled)
        {
            PublishFailures.Add(1, new("service", service), new("event_type", eventType));
        }
    }

    /// <summary>Lets a caller skip the loop that would feed <see cref="Handled"/> when nobody listens.</summary>
    public static bool LagEnabled => Lag.Enabled;

    public static void Handled(string service, string eventType, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (Lag.Enabled)
        {
            Lag.Record(Math.Max(0, (now - occurredAt).TotalSeconds), new("service", service), new("event_type", eventType));
        }
    }

    public static void HandlerFailed(string service, string handler)
    {
        if (HandlerFailures.Enabled)
        {
            HandlerFailures.Add(1, new("service", service), new("handler", handler));
        }
    }

    public static void DeadLettered(string service, string handler)
    {
        if (DeadLetters.Enabled)
        {
            DeadLetters.Add(1, new("service", service), new("handler", handler));
        }
    }

    private static IEnumerable<Measurement<long>> ObservePending() =>
        Relays.Select(r => new Measurement<long>(Volatile.Read(ref r.Value.Pending), new KeyValuePair<string, object?>("service", r.Key)));

    private static IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        return Relays.Select(r =>
        {
            var now = Volatile.Read(ref r.Value.Time).GetUtcNow().UtcDateTime.Ticks;
            var oldest = Volatile.Read(ref r.Value.OldestWaitingTicks);
            var age = oldest == 0 ? 0 : Math.Max(0, TimeSpan.FromTicks(now - oldest).TotalSeconds);
            return new Measurement<double>(age, new KeyValuePair<string, object?>("service", r.Key));
        });
    }

    private sealed class RelayState
    {
        public long Pending;
        public long OldestWaitingTicks;
        public TimeProvider Time = TimeProvider.System;
    }
}
