using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Keeps the messaging tables from growing forever: a flash sale writes several outbox and inbox
/// rows per order. Published outbox rows are only history; inbox rows must outlive any redelivery
/// of their event (minutes in practice), so they are kept much longer by default. Unpublished
/// outbox rows and dead letters are never touched: they are work or evidence for an operator.
/// </summary>
public sealed class MessagingRetention<TContext>(
    string service,
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<MessagingRetention<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    // Deleting in bounded batches keeps each statement's locks and WAL short on a busy database.
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetentionSweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Messaging retention sweep of {Service} failed; trying again next time", service);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Deletes what is past retention now; returns the outbox and inbox rows removed.</summary>
    public async Task<(int Outbox, int Inbox)> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var outboxCutoff = now - settings.OutboxRetention;
        var inboxCutoff = now - settings.InboxRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        var outbox = await DeleteInBatchesAsync(() => db.OutboxMessages
            .Where(m => m.PublishedAt != null && m.PublishedAt < outboxCutoff)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ExecuteDeleteAsync(cancellationToken));
        var inbox = await DeleteInBatchesAsync(() => db.InboxMessages
            .Where(m => m.ProcessedAt < inboxCutoff)
            .OrderBy(m => m.ProcessedAt)
            .Take(BatchSize)
            .ExecuteDeleteAsync(cancellationToken));

        if (outbox + inbox > 0)
        {
            logger.LogInformation("Retention removed {Outbox} published outbox and {Inbox} inbox rows of {Service}", outbox, inbox, service);
        }

        return (outbox, inbox);
    }

    private static async Task<int> DeleteInBatchesAsync(Func<Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch();
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}

public static class MessagingRetentionRegistration
{
    internal static IServiceCollection AddMessagingRetention<TContext>(this IServiceCollection services, string service)
        where TContext : ServiceDbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MessagingRetention<TContext>>(sp, service));
        services.AddHostedService(sp => sp.GetRequiredService<MessagingRetention<TContext>>());
        return services;
    }
}
