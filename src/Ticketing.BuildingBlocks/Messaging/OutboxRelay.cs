using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Publishes a service's committed outbox rows in order and marks them sent. Delivery is
/// at least once (a crash between publish and mark republishes; inboxes absorb that).
/// On PostgreSQL the batch is claimed with FOR UPDATE SKIP LOCKED, so any number of relays
/// (replicas of the service) can share one database without publishing a row twice.
/// </summary>
public sealed class OutboxRelay<TContext>(
    string service,
    IServiceScopeFactory scopes,
    IMessageTransport transport,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextSignal(typeof(TContext));
            int published;
            try
            {
                // A batch in flight finishes even when shutdown starts, so no publish is left half done.
                published = await PublishBatchAsync(settings.OutboxBatchSize, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay of {Service} failed; retrying", service);
                published = 0;
                await Delay(settings.OutboxPollInterval, stoppingToken);
                continue;
            }

            if (published < settings.OutboxBatchSize)
            {
                try
                {
                    await wake.WaitAsync(settings.OutboxPollInterval, stoppingToken);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes up to <paramref name="batchSize"/> rows; returns how many went out.</summary>
    public async Task<int> PublishBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        WritePriority.MarkFinishingWork();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // PostgreSQL: row locks held until commit keep other relays off this batch. SQLite: one
        // process owns the file, and holding its single write lock while handlers in other
        // databases run would deadlock relays that publish to each other, so no transaction.
        await using var transaction = db.IsPostgreSql ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        var batch = db.IsPostgreSql
            ? await db.OutboxMessages
                .FromSqlRaw("SELECT * FROM outbox_messages WHERE published_at IS NULL ORDER BY sequence LIMIT {0} FOR UPDATE SKIP LOCKED", batchSize)
                .ToListAsync(cancellationToken)
            : await db.OutboxMessages
                .Where(m => m.PublishedAt == null)
                .OrderBy(m => m.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);

        var outcome = await transport.PublishBatchAsync(batch.Select(m => m.ToEnvelope()).ToList(), cancellationToken);
        var sent = outcome.Delivered;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var message in batch.Take(sent))
        {
            message.PublishedAt = now;
        }

        // Noted for the outbox gauges, so a scrape needs no query: a full batch means more may be
        // waiting behind it, no younger than its last row.
        MessagingMetrics.RelayPolled(service, batch.Count,
            sent < batch.Count ? batch[sent].OccurredAt : batch.Count == batchSize ? batch[^1].OccurredAt : null, time);
        MessagingMetrics.EventsPublished(service, sent);
        if (outcome.Error is { } error && sent < batch.Count)
        {
            // Later events wait for this one, so they do not overtake it.
            var failed = batch[sent];
            failed.Attempts++;
            failed.LastError = error.Message;
            MessagingMetrics.PublishFailed(service, failed.EventType);
            logger.LogWarning(error, "Publishing {EventType} {EventId} from {Service} failed", failed.EventType, failed.EventId, service);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        if (sent > 0)
        {
            logger.LogDebug("Relay of {Service} published {Count} event(s)", service, sent);
        }

        return sent;
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

public static class OutboxRelayRegistration
{
    internal static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services, string service)
        where TContext : ServiceDbContext
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxRelay<TContext>>(sp, service));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        return services;
    }
}
