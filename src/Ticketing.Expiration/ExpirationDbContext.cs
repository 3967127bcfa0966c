using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Expiration.Timers;

namespace Ticketing.Expiration;

public sealed class ExpirationDbContext(DbContextOptions<ExpirationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ExpirationTimer> Timers => Set<ExpirationTimer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<ExpirationTimer>(e =>
        {
            e.ToTable("expiration_timers");
            e.HasKey(t => t.OrderId);
            e.Property(t => t.OrderId).HasColumnName("order_id").ValueGeneratedNever();
            e.Property(t => t.DueAt).HasColumnName("due_at");
            e.Property(t => t.FiredAt).HasColumnName("fired_at");
            // Pollers only ever look for pending timers, oldest due first.
            e.HasIndex(t => t.DueAt).HasDatabaseName("ix_expiration_timers_pending").HasFilter("fired_at IS NULL");
        });
    }
}
