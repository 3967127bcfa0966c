namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Carries published events to their consumers. Publishing completes only once the
/// transport has taken responsibility for the message (broker confirm, or every in-process
/// handler done), because the relay marks the outbox row published right after.
/// </summary>
public interface IMessageTransport
{
    Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken);
}
