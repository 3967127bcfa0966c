using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Expiration.Timers;

namespace Ticketing.Expiration;

public abstract class ExpirationDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0002_OutboxTraceParent";

    public DbSet<ExpirationTimer> Timers => Set<ExpirationTimer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<ExpirationTimer>(e =>
        {
            e.ToTable("expiration_timers");
            e.HasKey(t => t.OrderId);
            e.Property(t => t.OrderId).ValueGeneratedNever();
            // Pollers only ever look for pending timers, oldest due first.
            e.HasIndex(t => t.DueAt).HasDatabaseName("ix_expiration_timers_pending").HasFilter("fired_at IS NULL");
        });
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : ExpirationDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : ExpirationDbContext(options);
}
