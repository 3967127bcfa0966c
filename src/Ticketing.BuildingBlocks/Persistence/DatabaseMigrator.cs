using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>Applies each hosted service's generated migrations to its own database.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        foreach (var database in services.GetServices<ServiceDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var applied = await MigrateAsync(context, database, cancellationToken);
            logger.LogInformation("Database of {Service} ({Provider}) is up to date; applied {Count} migration(s)",
                database.Service, database.Provider, applied);
        }
    }

    /// <summary>Brings one database to the newest migration; returns how many it applied.</summary>
    public static async Task<int> MigrateAsync(DbContext context, ServiceDatabase database, CancellationToken cancellationToken = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the single writer; the setting is stored in the file.
            await context.Database.OpenConnectionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await context.Database.CloseConnectionAsync();
        }

        // Migrate creates a missing database; only one that exists can hold an old history.
        if (await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await AdoptHandWrittenHistoryAsync(context, database, cancellationToken);
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// Databases created before the migrations were generated carry the hand-written history:
    /// rows <c>0001_Initial</c> ... in PascalCase columns (<c>MigrationId</c>), where the naming
    /// convention now gives <c>migration_id</c>. At its last hand-written migration such a schema
    /// is exactly the generated first migration's, which was generated from the model the
    /// hand-written ones were tested against (docs/adr/0016-generated-migrations.md). So the old
    /// history table gives way to a new one holding the first migration's row, in one
    /// transaction, and EF carries on from there.
    /// </summary>
    private static async Task AdoptHandWrittenHistoryAsync(DbContext context, ServiceDatabase database, CancellationToken cancellationToken)
    {
        var hasLegacyTable = database.Provider == DatabaseProvider.Sqlite
            ? $"SELECT count(*) AS \"Value\" FROM pragma_table_info('{HistoryTable}') WHERE name = 'MigrationId'"
            : $"SELECT count(*)::int AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{HistoryTable}' AND column_name = 'MigrationId'";
        if ((await context.Database.SqlQueryRaw<int>(hasLegacyTable).ToListAsync(cancellationToken)).Single() == 0)
        {
            return;
        }

        var applied = await context.Database
            .SqlQueryRaw<string>($"SELECT \"MigrationId\" AS \"Value\" FROM \"{HistoryTable}\"")
            .ToListAsync(cancellationToken);
        if (database.LegacyHead is null || !applied.Contains(database.LegacyHead, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The {database.Service} database was migrated by a release this one cannot upgrade from (its newest migration is " +
                $"{applied.Max(StringComparer.Ordinal)}). Start the previous release once so it reaches {database.LegacyHead ?? "its last migration"}, then this one.");
        }

        var history = context.GetService<IHistoryRepository>();
        var first = new HistoryRow(context.Database.GetMigrations().Min(StringComparer.Ordinal)!, ProductInfo.GetVersion());
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync($"DROP TABLE \"{HistoryTable}\"", cancellationToken);
        await context.Database.ExecuteSqlRawAsync(history.GetCreateScript(), cancellationToken);
        await context.Database.ExecuteSqlRawAsync(history.GetInsertScript(first), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // EF's default name, which no context here overrides.
    private const string HistoryTable = "__EFMigrationsHistory";
}
