using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Ordering.Domain;
using Ticketing.Ordering.Tickets;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering;

public sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderTicket> OrderTickets => Set<OrderTicket>();

    public DbSet<TicketReplica> Tickets => Set<TicketReplica>();

    public DbSet<CancelledEvent> CancelledEvents => Set<CancelledEvent>();

    internal DbSet<WaitingRoom> WaitingRooms => Set<WaitingRoom>();

    internal DbSet<QueuePlace> QueuePlaces => Set<QueuePlace>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(o => o.UserId).HasColumnName("user_id");
            e.Property(o => o.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(o => o.CreatedAt).HasColumnName("created_at");
            e.Property(o => o.ExpiresAt).HasColumnName("expires_at");
            e.Property(o => o.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(o => o.TotalMinor).HasColumnName("total_minor");
            e.Property(o => o.Currency).HasColumnName("currency").HasMaxLength(3);
            e.HasMany(o => o.Tickets).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(o => o.Tickets).AutoInclude();
            e.HasIndex(o => new { o.UserId, o.CreatedAt }).HasDatabaseName("ix_orders_user_id_created_at");
        });

        modelBuilder.Entity<OrderTicket>(e =>
        {
            e.ToTable("order_tickets");
            e.HasKey(t => new { t.OrderId, t.TicketId });
            e.Property(t => t.OrderId).HasColumnName("order_id");
            e.Property(t => t.TicketId).HasColumnName("ticket_id");
            e.Property(t => t.Title).HasColumnName("title");
            e.Property(t => t.Seat).HasColumnName("seat");
            e.Property(t => t.Tier).HasColumnName("tier");
            e.Property(t => t.PriceMinor).HasColumnName("price_minor");
            e.Ignore(t => t.Currency);
            e.HasIndex(t => t.TicketId).HasDatabaseName("ix_order_tickets_ticket_id");
        });

        modelBuilder.Entity<TicketReplica>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.TicketId);
            e.Property(t => t.TicketId).HasColumnName("ticket_id").ValueGeneratedNever();
            e.Property(t => t.Version).HasColumnName("version");
            e.Property(t => t.Title).HasColumnName("title");
            e.Property(t => t.PriceMinor).HasColumnName("price_minor");
            e.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(t => t.EventId).HasColumnName("event_id");
            e.Property(t => t.Tier).HasColumnName("tier");
            e.Property(t => t.Seat).HasColumnName("seat");
            e.Property(t => t.OwnerId).HasColumnName("owner_id");
            e.Property(t => t.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(t => t.HeldByOrderId).HasColumnName("held_by_order_id");
            // General admission picks the first free units of one tier in id order; only free rows
            // are worth indexing, and the id makes the pick an ordered index range (migration 0003).
            e.HasIndex(t => new { t.EventId, t.Tier, t.TicketId }).HasDatabaseName("ix_tickets_free_by_tier").HasFilter("held_by_order_id IS NULL");
            e.HasIndex(t => t.HeldByOrderId).HasDatabaseName("ix_tickets_held_by_order_id");
        });

        modelBuilder.Entity<CancelledEvent>(e =>
        {
            e.ToTable("cancelled_events");
            e.HasKey(c => c.EventId);
            e.Property(c => c.EventId).HasColumnName("event_id").ValueGeneratedNever();
            e.Property(c => c.CancelledAt).HasColumnName("cancelled_at");
        });

        modelBuilder.Entity<WaitingRoom>(e =>
        {
            e.ToTable("waiting_rooms");
            e.HasKey(r => r.EventId);
            e.Property(r => r.EventId).HasColumnName("event_id").ValueGeneratedNever();
            e.Property(r => r.OpensAt).HasColumnName("opens_at");
            e.Property(r => r.ClosesAt).HasColumnName("closes_at");
            e.Property(r => r.AdmitPerSecond).HasColumnName("admit_per_second");
            e.Property(r => r.Secret).HasColumnName("secret");
            e.Property(r => r.LastPosition).HasColumnName("last_position");
            e.Property(r => r.NextAdmitAt).HasColumnName("next_admit_at");
        });

        modelBuilder.Entity<QueuePlace>(e =>
        {
            e.ToTable("queue_places");
            e.HasKey(p => new { p.EventId, p.UserId });
            e.Property(p => p.EventId).HasColumnName("event_id");
            e.Property(p => p.UserId).HasColumnName("user_id");
            e.Property(p => p.Position).HasColumnName("position");
            e.Property(p => p.JoinedAt).HasColumnName("joined_at");
            e.Property(p => p.AdmitAt).HasColumnName("admit_at");
            // One account per position: the counter gives each number once.
            e.HasIndex(p => new { p.EventId, p.Position }).IsUnique().HasDatabaseName("ix_queue_places_event_id_position");
        });
    }
}
