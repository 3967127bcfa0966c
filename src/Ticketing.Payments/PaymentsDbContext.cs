using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;
using Ticketing.Payments.Providers;
using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments;

public abstract class PaymentsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0004_OutboxTraceParent";

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<OrderReplica> Orders => Set<OrderReplica>();

    public DbSet<ProcessedProviderEvent> ProviderEvents => Set<ProcessedProviderEvent>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<SandboxIntent> SandboxIntents => Set<SandboxIntent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Provider).HasMaxLength(20);
            e.Property(p => p.ProviderPaymentId).HasMaxLength(255);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.ClientSecret).HasMaxLength(500);
            e.Property(p => p.FailureCode).HasMaxLength(100);
            e.Property(p => p.RefundId).HasMaxLength(255);
            e.Property(p => p.Version).IsConcurrencyToken();
            // Two attempts computed at once for the same order: the index lets only one in.
            e.HasIndex(p => new { p.OrderId, p.Attempt }).IsUnique().HasDatabaseName("ux_payments_order_attempt");
            e.HasIndex(p => p.ProviderPaymentId).HasDatabaseName("ix_payments_provider_payment_id");
        });

        modelBuilder.Entity<OrderReplica>(e =>
        {
            e.ToTable("order_replicas");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.OrderId).ValueGeneratedNever();
            e.Property(o => o.Status).HasMaxLength(20);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.CancelReason).HasMaxLength(40);
        });

        modelBuilder.Entity<ProcessedProviderEvent>(e =>
        {
            e.ToTable("processed_provider_events");
            e.HasKey(p => p.EventId);
            e.Property(p => p.EventId).HasMaxLength(255);
            e.Property(p => p.Provider).HasMaxLength(20);
            e.Property(p => p.Type).HasMaxLength(100);
        });

        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.UserId, r.Key });
            e.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(100);
        });

        modelBuilder.Entity<SandboxIntent>(e =>
        {
            e.ToTable("sandbox_intents");
            e.HasKey(i => i.IntentId);
            e.Property(i => i.IntentId).HasMaxLength(255);
            e.Property(i => i.Currency).HasMaxLength(3);
            e.Property(i => i.Outcome).HasMaxLength(20);
            e.HasIndex(i => i.PaymentId).IsUnique().HasDatabaseName("ux_sandbox_intents_payment_id");
        });

        // The reconciler looks for payments still pending after a while.
        modelBuilder.Entity<Payment>().HasIndex(p => p.UpdatedAt).HasDatabaseName("ix_payments_pending_updated_at")
            .HasFilter("status = 'pending'");
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : PaymentsDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : PaymentsDbContext(options);
}
