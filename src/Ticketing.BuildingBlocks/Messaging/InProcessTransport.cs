using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// The embedded default: no broker. Publishing runs every subscribed handler of the process
/// before returning, so the relay marks an event published only once all consumers have
/// committed it (or parked it as a dead letter in their own database). A crash in between
/// republishes, and the inboxes make that harmless.
/// </summary>
public sealed class InProcessTransport(EventDispatcher dispatcher, IServiceScopeFactory scopes) : IMessageTransport
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
                FailedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
