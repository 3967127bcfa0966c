using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.BuildingBlocks.Messaging;

public enum DispatchOutcome
{
    /// <summary>Every handler ran (or had already run): acknowledge.</summary>
    Handled,

    /// <summary>A handler kept failing: the message belongs in the dead-letter queue.</summary>
    DeadLettered,
}

/// <summary>
/// Delivers one event to the handlers a service registered for it, each exactly once per
/// (event id, handler) thanks to the inbox, with retries and back-off on failure. A handler that
/// keeps failing dead-letters its event; one whose database is unreachable waits for it instead.
/// Both transports funnel into this class, so they behave the same.
/// </summary>
public sealed partial class EventDispatcher(
    IEnumerable<EventSubscription> subscriptions,
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<EventDispatcher> logger)
{
    private readonly ILookup<(string Service, string EventType), EventSubscription> _routes =
        subscriptions.ToLookup(s => (s.Service, s.EventTypeName));

    /// <summary>Longest wait between attempts while a handler's database is unreachable.</summary>
    public static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(5);

    public IReadOnlyCollection<EventSubscription> Subscriptions { get; } = subscriptions.ToList();

    /// <summary>The <c>messaging.system</c> of the consumer spans.</summary>
    private readonly string _system = options.Value.Transport == TransportKind.RabbitMq ? "rabbitmq" : "in-process";

    /// <summary>Services of this process that consume at least one event.</summary>
    public IEnumerable<string> ConsumingServices => Subscriptions.Select(s => s.Service).Distinct();

    public IEnumerable<string> EventTypesOf(string service) =>
        Subscriptions.Where(s => s.Service == service).Select(s => s.EventTypeName).Distinct();

    public async Task<DispatchOutcome> DispatchAsync(string service, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var outcome = DispatchOutcome.Handled;
        foreach (var subscription in _routes[(service, envelope.EventType)])
        {
            if (!await HandleWithRetriesAsync(subscription, envelope, cancellationToken))
            {
                outcome = DispatchOutcome.DeadLettered;
            }
        }

        return outcome;
    }

    private async Task<bool> HandleWithRetriesAsync(EventSubscription subscription, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var delay = settings.HandlerRetryDelay;
        var failures = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await HandleOnceAsync(subscription, envelope, cancellationToken);
                return true;
            }
            catch (Exception ex) when (DependencyOutage.IsOutage(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The database is down or restarting: not the event's fault. Dead-lettering it
                // would lose a good event, so wait for the database however long it takes.
                logger.LogWarning(ex, "{Handler} cannot reach its database for {EventType} {EventId} (attempt {Attempt}); retrying in {Delay}",
                    subscription.HandlerName, envelope.EventType, envelope.EventId, attempt, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxOutageDelay.Ticks));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                MessagingMetrics.HandlerFailed(subscription.Service, subscription.HandlerName);
                if (++failures >= settings.HandlerAttempts)
                {
                    MessagingMetrics.DeadLettered(subscription.Service, subscription.HandlerName);
                    logger.LogError(ex, "{Handler} failed {Attempts} times on {EventType} {EventId}; dead-lettering it",
                        subscription.HandlerName, failures, envelope.EventType, envelope.EventId);
                    return false;
                }

                logger.LogWarning(ex, "{Handler} failed on {EventType} {EventId} (attempt {Attempt}); retrying in {Delay}",
                    subscription.HandlerName, envelope.EventType, envelope.EventId, attempt, delay);
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }
    }

    /// <summary>Runs the handler and writes its inbox row in one transaction; skips it if the row exists.</summary>
    internal async Task<bool> HandleOnceAsync(EventSubscription subscription, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        WritePriority.MarkFinishingWork();
        using var activity = MessagingActivities.StartProcess(subscription, envelope, _system);
        try
        {
            var handled = await HandleInScopeAsync(subscription, envelope, cancellationToken);
            if (handled)
            {
                MessagingMetrics.Handled(subscription.Service, envelope.EventType, envelope.OccurredAt, Now);
            }

            return handled;
        }
        catch (Exception ex)
        {
            MessagingActivities.Fail(activity, ex);
            throw;
        }
    }

    private async Task<bool> HandleInScopeAsync(EventSubscription subscription, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ServiceDbContext)scope.ServiceProvider.GetRequiredService(subscription.ContextType);
        if (await AlreadyHandledAsync(db, subscription, envelope))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await subscription.Invoke(scope.ServiceProvider, envelope.Payload, cancellationToken);
        db.InboxMessages.Add(InboxRow(envelope, subscription));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent delivery shows as the inbox row's key or a version check in the handler's
            // changes; anything else (a broken connection) propagates and the message is retried.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await AlreadyHandledAsync(db, subscription, envelope))
            {
                // A concurrent delivery of the same event won the race; ours rolled back.
                return false;
            }

            throw;
        }
    }

    /// <summary>The injected clock, also for the batch path in the other part of this class.</summary>
    private DateTimeOffset Now => time.GetUtcNow();

    private InboxMessage InboxRow(MessageEnvelope envelope, EventSubscription subscription) =>
        new() { EventId = envelope.EventId, Handler = subscription.HandlerName, ProcessedAt = Now.UtcDateTime };

    private static async Task<bool> AlreadyHandledAsync(ServiceDbContext db, EventSubscription subscription, MessageEnvelope envelope)
    {
        return await db.InboxMessages.AsNoTracking()
            .AnyAsync(m => m.EventId == envelope.EventId && m.Handler == subscription.HandlerName);
    }
}
