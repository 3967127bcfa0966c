using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// The embedded default: no broker. Publishing runs every subscribed handler of the process
/// before returning, so the relay marks an event published only once all consumers have
/// committed it (or parked it as a dead letter in their own database). A crash in between
/// republishes, and the inboxes make that harmless. A batch goes to every consuming service at
/// once, each service taking the events in order: the services write different databases, so
/// one service's handlers need not wait for another's (they did, one event at a time, and
/// under a stampede the relays fell behind by thousands of events). Within a service, runs of
/// events share one transaction (<see cref="MessagingOptions.HandlerBatchSize"/>).
/// </summary>
public sealed class InProcessTransport(
    EventDispatcher dispatcher, IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider time) : IMessageTransport
{
    public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var service in dispatcher.ConsumingServices)
        {
            var outcome = await dispatcher.DispatchAsync(service, envelope, cancellationToken);
            if (outcome == DispatchOutcome.DeadLettered)
            {
                await StoreDeadLetterAsync(service, envelope, cancellationToken);
            }
        }
    }

    public async Task<BatchOutcome> PublishBatchAsync(IReadOnlyList<MessageEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(dispatcher.ConsumingServices.Select(s => DeliverInOrderAsync(s, envelopes, cancellationToken)));
        // An event is published once every service has it; a service that got further sees the
        // rest again with the next batch, and its inbox makes that a no-op.
        return outcomes.Length == 0
            ? new BatchOutcome(envelopes.Count, null)
            : outcomes.MinBy(o => o.Delivered)!;
    }

    private async Task<BatchOutcome> DeliverInOrderAsync(string service, IReadOnlyList<MessageEnvelope> envelopes, CancellationToken cancellationToken)
    {
        // Off the caller's thread, so the services really run side by side.
        await Task.Yield();
        var runSize = Math.Max(1, options.Value.HandlerBatchSize);
        for (var start = 0; start < envelopes.Count; start += runSize)
        {
            var run = envelopes.Skip(start).Take(runSize).ToList();
            if (run.Count > 1 && await dispatcher.TryDispatchTogetherAsync(service, run, cancellationToken))
            {
                continue;
            }

            for (var i = 0; i < run.Count; i++)
            {
                try
                {
                    var outcome = await dispatcher.DispatchAsync(service, run[i], cancellationToken);
                    if (outcome == DispatchOutcome.DeadLettered)
                    {
                        await StoreDeadLetterAsync(service, run[i], cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return new BatchOutcome(start + i, ex);
                }
            }
        }

        return new BatchOutcome(envelopes.Count, null);
    }

    private async Task StoreDeadLetterAsync(string service, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var subscription in dispatcher.Subscriptions.Where(s => s.Service == service && s.EventTypeName == envelope.EventType))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ServiceDbContext)scope.ServiceProvider.GetRequiredService(subscription.ContextType);
            var handled = await db.InboxMessages.AnyAsync(
                m => m.EventId == envelope.EventId && m.Handler == subscription.HandlerName, cancellationToken);
            if (handled)
            {
                continue;
            }

            db.DeadLetterMessages.Add(new DeadLetterMessage
            {
                EventId = envelope.EventId,
                EventType = envelope.EventType,
                Handler = subscription.HandlerName,
                Payload = envelope.Payload,
                Error = "Handler failed on every attempt; see the logs for the exceptions",
                FailedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
