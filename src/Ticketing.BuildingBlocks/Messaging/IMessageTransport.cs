namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Carries published events to their consumers. Publishing completes only once the
/// transport has taken responsibility for the message (broker confirm, or every in-process
/// handler done), because the relay marks the outbox row published right after.
/// </summary>
public interface IMessageTransport
{
    Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes <paramref name="envelopes"/> in order and says how many of the first ones the
    /// transport took responsibility for; it stops at the first failure, so no event overtakes
    /// one that failed.
    /// </summary>
    async Task<BatchOutcome> PublishBatchAsync(IReadOnlyList<MessageEnvelope> envelopes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < envelopes.Count; i++)
        {
            try
            {
                await PublishAsync(envelopes[i], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new BatchOutcome(i, ex);
            }
        }

        return new BatchOutcome(envelopes.Count, null);
    }
}

/// <summary><paramref name="Delivered"/> leading envelopes went out; <paramref name="Error"/> stopped the rest.</summary>
public sealed record BatchOutcome(int Delivered, Exception? Error);
