using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    /// Handlers ask for <typeparamref name="TContext"/>; they get the provider's subclass, which
    /// exists so each provider keeps its own generated migrations (EF keys them by context type).
    /// Also starts the outbox relay and the messaging retention sweep for that database.
    /// </summary>
    /// <param name="legacyHead">The last hand-written migration the service shipped, if it had any
    /// (see <see cref="DatabaseMigrator"/>).</param>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TOnSqlite, TOnPostgreSql>(
        this IHostApplicationBuilder builder, string service, string? legacyHead = null)
        where TContext : ServiceDbContext
        where TOnSqlite : TContext
        where TOnPostgreSql : TContext
    {
        var (provider, connectionString) = Resolve(builder.Configuration, service);
        builder.Services.AddSingleton(new ServiceDatabase(service, typeof(TContext), provider, legacyHead));
        // The options are built once per process, not once per request scope: building them (and
        // EF's service-provider lookup keyed on them) was about a fifth of a stampede's CPU.
        void ConfigureContext(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<OutboxSignal>());
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContext<TContext, TOnPostgreSql>(ConfigureContext, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        else
        {
            builder.Services.AddDbContext<TContext, TOnSqlite>(ConfigureContext, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }

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

        // Column, key and index names follow the properties (snake_case), so the model maps no
        // column by hand; the generated migrations carry the same names.
        options.UseSnakeCaseNamingConvention();
    }
}
