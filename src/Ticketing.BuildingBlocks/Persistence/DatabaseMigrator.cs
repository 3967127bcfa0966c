using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>Applies each hosted service's versioned migrations to its own database.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        foreach (var database in services.GetServices<ServiceDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers run beside the single writer; the setting is stored in the file.
                await context.Database.OpenConnectionAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await context.Database.CloseConnectionAsync();
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database of {Service} ({Provider}) is up to date; applied {Count} migration(s)",
                database.Service, database.Provider, pending.Count);
        }
    }
}
