using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;
using Ticketing.Payments.Providers;
using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : ServiceDbContext(options)
{
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
            e.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(p => p.OrderId).HasColumnName("order_id");
            e.Property(p => p.UserId).HasColumnName("user_id");
            e.Property(p => p.Provider).HasColumnName("provider").HasMaxLength(20);
            e.Property(p => p.ProviderPaymentId).HasColumnName("provider_payment_id").HasMaxLength(255);
            e.Property(p => p.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(p => p.AmountMinor).HasColumnName("amount_minor");
            e.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(p => p.ClientSecret).HasColumnName("client_secret").HasMaxLength(500);
            e.Property(p => p.Attempt).HasColumnName("attempt");
            e.Property(p => p.FailureCode).HasColumnName("failure_code").HasMaxLength(100);
            e.Property(p => p.RefundId).HasColumnName("refund_id").HasMaxLength(255);
            e.Property(p => p.CreatedAt).HasColumnName("created_at");
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            e.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
            // Two attempts computed at once for the same order: the index lets only one in.
            e.HasIndex(p => new { p.OrderId, p.Attempt }).IsUnique().HasDatabaseName("ux_payments_order_attempt");
            e.HasIndex(p => p.ProviderPaymentId).HasDatabaseName("ix_payments_provider_payment_id");
        });

        modelBuilder.Entity<OrderReplica>(e =>
        {
            e.ToTable("order_replicas");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.OrderId).HasColumnName("order_id").ValueGeneratedNever();
            e.Property(o => o.UserId).HasColumnName("user_id");
            e.Property(o => o.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(o => o.TotalMinor).HasColumnName("total_minor");
            e.Property(o => o.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(o => o.ExpiresAt).HasColumnName("expires_at");
            e.Property(o => o.CancelReason).HasColumnName("cancel_reason").HasMaxLength(40);
            e.Property(o => o.Version).HasColumnName("version");
            e.Property(o => o.PaidPaymentId).HasColumnName("paid_payment_id");
        });

        modelBuilder.Entity<ProcessedProviderEvent>(e =>
        {
            e.ToTable("processed_provider_events");
            e.HasKey(p => p.EventId);
            e.Property(p => p.EventId).HasColumnName("event_id").HasMaxLength(255);
            e.Property(p => p.Provider).HasColumnName("provider").HasMaxLength(20);
            e.Property(p => p.Type).HasColumnName("type").HasMaxLength(100);
            e.Property(p => p.ProcessedAt).HasColumnName("processed_at");
        });

        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.UserId, r.Key });
            e.Property(r => r.UserId).HasColumnName("user_id");
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(IdempotencyRecord.MaxKeyLength);
            e.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            e.Property(r => r.StatusCode).HasColumnName("status_code");
            e.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(100);
            e.Property(r => r.Body).HasColumnName("body");
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<SandboxIntent>(e =>
        {
            e.ToTable("sandbox_intents");
            e.HasKey(i => i.IntentId);
            e.Property(i => i.IntentId).HasColumnName("intent_id").HasMaxLength(255);
            e.Property(i => i.PaymentId).HasColumnName("payment_id");
            e.Property(i => i.AmountMinor).HasColumnName("amount_minor");
            e.Property(i => i.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(i => i.Outcome).HasColumnName("outcome").HasMaxLength(20);
            e.Property(i => i.CreatedAt).HasColumnName("created_at");
            e.HasIndex(i => i.PaymentId).IsUnique().HasDatabaseName("ux_sandbox_intents_payment_id");
        });

        // The reconciler looks for payments still pending after a while.
        modelBuilder.Entity<Payment>().HasIndex(p => p.UpdatedAt).HasDatabaseName("ix_payments_pending_updated_at")
            .HasFilter("status = 'pending'");
    }
}
