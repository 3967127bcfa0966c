using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

public sealed partial class EventDispatcher
{
    /// <summary>
    /// Handles a run of events for one service in one scope and one transaction, each handler
    /// still writing its own inbox row. Under a stampede a purchase brings a dozen events per
    /// service, and their cost was mostly per transaction: a scope, a DbContext, the inbox
    /// read, and a commit with its fsync on SQLite (docs/benchmarks.md, the 2026-12-03 profile).
    /// Any failure rolls the whole run back and returns false: the caller then delivers the same
    /// events one by one, with retries and dead-lettering, so a failing event costs the run one
    /// extra attempt and changes nothing else.
    /// </summary>
    internal async Task<bool> TryDispatchTogetherAsync(string service, IReadOnlyList<MessageEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var work = envelopes
            .SelectMany(e => _routes[(service, e.EventType)].Select(s => (Envelope: e, Subscription: s)))
            .ToList();
        if (work.Count == 0)
        {
            return true;
        }

        var contextType = work[0].Subscription.ContextType;
        if (work.Count == 1 || work.Any(w => w.Subscription.ContextType != contextType))
        {
            return false;
        }

        WritePriority.MarkFinishingWork();
        await using var scope = scopes.CreateAsyncScope();
        var db = (ServiceDbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var spans = new RunSpans();
        try
        {
            var handled = await HandledAsync(db, work.Select(w => w.Envelope.EventId).Distinct().ToList(), cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The run commits or rolls back as one, so per-SaveChanges savepoints would buy nothing.
            db.Database.AutoSavepointsEnabled = false;
            foreach (var (envelope, subscription) in work)
            {
                if (handled.Contains((envelope.EventId, subscription.HandlerName)))
                {
                    continue;
                }

                // Each event continues its own trace, though the run commits as one.
                spans.Start(subscription, envelope, _system);
                await subscription.Invoke(scope.ServiceProvider, envelope.Payload, cancellationToken);
                db.InboxMessages.Add(InboxRow(envelope, subscription));
                await db.SaveChangesAsync(cancellationToken);
                // The next handler reads what this one wrote; an entity tracked before an
                // ExecuteUpdate of this run would be a stale copy.
                db.ChangeTracker.Clear();
                spans.Suspend();
            }

            await transaction.CommitAsync(cancellationToken);
            spans.End(error: null);
            if (MessagingMetrics.LagEnabled)
            {
                foreach (var (envelope, subscription) in work)
                {
                    if (!handled.Contains((envelope.EventId, subscription.HandlerName)))
                    {
                        MessagingMetrics.Handled(service, envelope.EventType, envelope.OccurredAt, Now);
                    }
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            spans.End(ex);
            logger.LogDebug(ex, "A run of {Count} events for {Service} failed together; delivering them one by one", work.Count, service);
            return false;
        }
    }

    private static async Task<HashSet<(Guid EventId, string Handler)>> HandledAsync(ServiceDbContext db, List<Guid> eventIds, CancellationToken cancellationToken)
    {
        var rows = await db.InboxMessages.AsNoTracking()
            .Where(m => eventIds.Contains(m.EventId))
            .Select(m => new { m.EventId, m.Handler })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.EventId, r.Handler)).ToHashSet();
    }
}
