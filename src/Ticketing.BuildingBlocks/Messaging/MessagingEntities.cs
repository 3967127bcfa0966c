using System.Text.Json;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.Contracts;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>An event waiting to be published, written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the relay publishes lowest first.</summary>
    public long Sequence { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public DateTime OccurredAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// W3C trace context of the activity that recorded the event (<see cref="Observability.TraceContext"/>),
    /// so its handlers continue that trace; null when no tracer was listening.
    /// </summary>
    public string? TraceParent { get; set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent) => new()
    {
        EventId = integrationEvent.Id,
        EventType = integrationEvent.GetType().Name,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), MessageSerializer.Options),
        OccurredAt = integrationEvent.OccurredAt.UtcDateTime,
        TraceParent = TraceContext.Capture(),
    };

    public MessageEnvelope ToEnvelope() => new(EventId, EventType, Payload, new DateTimeOffset(OccurredAt, TimeSpan.Zero), TraceParent);
}

/// <summary>Proof that a handler has processed an event: the primary key (event, handler) makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public required string Handler { get; set; }

    public DateTime ProcessedAt { get; set; }
}

/// <summary>
/// An event a handler kept failing on, parked for an operator. With RabbitMQ the broker's
/// dead-letter queue holds it; the in-process transport has no broker, so it lands here.
/// </summary>
public sealed class DeadLetterMessage
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public required string Handler { get; set; }

    public required string Payload { get; set; }

    public required string Error { get; set; }

    public DateTime FailedAt { get; set; }
}

/// <summary>
/// What travels over a transport: the serialized event, enough metadata to route and deduplicate
/// it, and the trace context its handlers continue (<see cref="Observability.TraceContext"/>).
/// </summary>
public sealed record MessageEnvelope(Guid EventId, string EventType, string Payload, DateTimeOffset OccurredAt, string? TraceContext = null);

public static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
