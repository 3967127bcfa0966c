namespace Ticketing.Contracts;

/// <summary>
/// Base of every message that crosses a service boundary. The id is what inboxes
/// deduplicate on; the entity version (on each concrete event) is what replicas order by.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
