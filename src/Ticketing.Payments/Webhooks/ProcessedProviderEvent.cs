namespace Ticketing.Payments.Webhooks;

/// <summary>A provider event (webhook) already applied; its id as primary key makes redelivery a no-op.</summary>
public sealed class ProcessedProviderEvent
{
    public required string EventId { get; set; }

    public required string Provider { get; set; }

    public required string Type { get; set; }

    public DateTime ProcessedAt { get; set; }
}
