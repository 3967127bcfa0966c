using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;

namespace Ticketing.Expiration.Timers;

/// <summary>
/// Fires due timers: each is stamped fired and its ExpirationComplete written to the outbox in
/// one transaction, so a timer is published exactly when it is marked, and a crash before the
/// commit leaves it due for the next poll.
/// </summary>
internal sealed class TimerWorker(
    IServiceScopeFactory scopes, IOptions<ExpirationOptions> options, TimeProvider time, ILogger<TimerWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                // A full batch means more may be due: keep going before sleeping. A batch in
                // flight finishes even on shutdown, so no timer is left half fired.
                int fired;
                do
                {
                    fired = await FireDueAsync(settings.BatchSize, CancellationToken.None);
                }
                while (fired == settings.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Firing expiration timers failed; retrying");
            }
        }
        while (await TickAsync(timer, stoppingToken));
    }

    /// <summary>Fires up to <paramref name="batchSize"/> due timers; returns how many.</summary>
    public async Task<int> FireDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        WritePriority.MarkFinishingWork();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExpirationDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        // A cheap read first, so an idle poll never takes SQLite's write lock.
        if (!await db.Timers.AnyAsync(t => t.FiredAt == null && t.DueAt <= now, cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // PostgreSQL: several instances poll one database; SKIP LOCKED hands each due row to
        // one of them, and FOR UPDATE re-checks fired_at on the newest row version, so a timer
        // another instance just fired is not fired again. SQLite: the transaction is
        // BEGIN IMMEDIATE, so only one poller reads and marks at a time.
        var due = db.IsPostgreSql
            ? await db.Timers
                .FromSqlRaw(
                    "SELECT * FROM expiration_timers WHERE fired_at IS NULL AND due_at <= {0} ORDER BY due_at LIMIT {1} FOR UPDATE SKIP LOCKED",
                    now, batchSize)
                .ToListAsync(cancellationToken)
            : await db.Timers
                .Where(t => t.FiredAt == null && t.DueAt <= now)
                .OrderBy(t => t.DueAt)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        foreach (var timer in due)
        {
            timer.FiredAt = now;
            db.Publish(new ExpirationComplete(timer.OrderId, new DateTimeOffset(timer.DueAt, TimeSpan.Zero)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
        {
            logger.LogInformation("Fired {Count} expiration timer(s)", due.Count);
        }

        return due.Count;
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
