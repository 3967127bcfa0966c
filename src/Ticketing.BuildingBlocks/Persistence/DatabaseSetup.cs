using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.BuildingBlocks.Persistence;

public static class DatabaseSetup
{
    /// <summary>How long a SQLite writer waits for the file's write lock before failing.</summary>
    private const int LockWaitSeconds = 30;

    private static readonly SqliteBusyTimeout BusyTimeout = new(LockWaitSeconds * 1000);

    private static readonly SqliteWriteGate WriteGate = new(TimeSpan.FromSeconds(LockWaitSeconds));

    /// <summary>
    /// Registers a service's DbContext on its own database: PostgreSQL when
    /// <c>ConnectionStrings:{service}</c> is set, otherwise a SQLite file in the data folder.
    /// Also starts the outbox relay and the messaging retention sweep for that database.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : ServiceDbContext
    {
        var (provider, connectionString) = Resolve(builder.Configuration, service);
        builder.Services.AddSingleton(new ServiceDatabase(service, typeof(TContext), provider));
        // The options are built once per process, not once per request scope: building them (and
        // EF's service-provider lookup keyed on them) was about a fifth of a stampede's CPU.
        builder.Services.AddDbContext<TContext>(
            (sp, options) =>
            {
                Configure(options, provider, connectionString);
                options.AddInterceptors(sp.GetRequiredService<OutboxSignal>());
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddOutboxRelay<TContext>(service);
        builder.Services.AddMessagingRetention<TContext>(service);
        return builder;
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string service)
    {
        var postgres = configuration.GetConnectionString(service);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return (DatabaseProvider.PostgreSql, postgres);
        }

        var directory = Path.GetFullPath(PlatformOptions.From(configuration).DataDirectory);
        Directory.CreateDirectory(directory);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, $"{service}.db"),
            Pooling = true,
            // Writers queue on SQLite's single write lock instead of failing with SQLITE_BUSY.
            DefaultTimeout = LockWaitSeconds,
        };
        return (DatabaseProvider.Sqlite, sqlite.ToString());
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(0));
        }
        else
        {
            options.UseSqlite(connectionString);
            options.AddInterceptors(BusyTimeout, WriteGate);
        }

        // Migrations are written by hand (the EF design-time package is unavailable), so there
        // is no model snapshot to compare with; a schema test per service does that check instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
