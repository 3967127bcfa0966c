using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;

namespace Ticketing.BuildingBlocks.Tests.Probe;

/// <summary>
/// A tiny service that exists only in the tests: it publishes <see cref="ProbeHappened"/> and
/// counts the ones it consumes, so the messaging building block is exercised on its own.
/// </summary>
public sealed record ProbeHappened(string Key) : IntegrationEvent;

public sealed class ProbeCounter
{
    public required string Key { get; set; }

    public int Count { get; set; }
}

public abstract class ProbeDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<ProbeCounter> Counters => Set<ProbeCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ProbeCounter>(e =>
        {
            e.ToTable("probe_counters");
            e.HasKey(c => c.Key);
        });
    }

    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : ProbeDbContext(options);

    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : ProbeDbContext(options);
}

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<ProbeDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<ProbeDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);

/// <summary>Counts deliveries; keys starting with "fail" always throw.</summary>
public sealed class CountProbe(ProbeDbContext db, ProbeAttempts attempts) : IIntegrationEventHandler<ProbeHappened>
{
    public async Task HandleAsync(ProbeHappened integrationEvent, CancellationToken cancellationToken)
    {
        var attempt = attempts.Record(integrationEvent.Key);
        if (integrationEvent.Key.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"probe {integrationEvent.Key} always fails");
        }

        // "outage-N": the database is unreachable for the first N attempts.
        if (integrationEvent.Key.StartsWith("outage-", StringComparison.Ordinal)
            && attempt <= int.Parse(integrationEvent.Key["outage-".Length..], System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new TimeoutException($"probe {integrationEvent.Key}: database unreachable (attempt {attempt})");
        }

        var counter = await db.Counters.FindAsync([integrationEvent.Key], cancellationToken);
        if (counter is null)
        {
            db.Counters.Add(new ProbeCounter { Key = integrationEvent.Key, Count = 1 });
        }
        else
        {
            counter.Count++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>How many times the handler was called per key, including failed attempts.</summary>
public sealed class ProbeAttempts
{
    private readonly Dictionary<string, int> _attempts = [];

    /// <summary>Counts one more attempt; returns the attempt's number.</summary>
    public int Record(string key)
    {
        lock (_attempts)
        {
            return _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
        }
    }

    public int Of(string key)
    {
        lock (_attempts)
        {
            return _attempts.GetValueOrDefault(key);
        }
    }
}

public static class ProbeHost
{
    public const string Service = "probe";

    /// <summary>A host with only the probe service, on the given settings (provider, transport).</summary>
    public static IHost Build(IDictionary<string, string?> settings, bool consume = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPlatformMessaging();
        builder.AddServiceDatabase<ProbeDbContext, ProbeDbContext.OnSqlite, ProbeDbContext.OnPostgreSql>(Service);
        builder.Services.AddSingleton<ProbeAttempts>();
        if (consume)
        {
            builder.Services.AddEventHandler<ProbeHappened, CountProbe, ProbeDbContext>(Service);
        }

        return builder.Build();
    }
}
