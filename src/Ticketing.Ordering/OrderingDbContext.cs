using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Ordering.Domain;
using Ticketing.Ordering.Tickets;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering;

public abstract class OrderingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0005_OutboxTraceParent";

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
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Status).HasMaxLength(20);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.Property(o => o.Currency).HasMaxLength(3);
            e.HasMany(o => o.Tickets).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(o => o.Tickets).AutoInclude();
            e.HasIndex(o => new { o.UserId, o.CreatedAt }).HasDatabaseName("ix_orders_user_id_created_at");
        });

        modelBuilder.Entity<OrderTicket>(e =>
        {
            e.ToTable("order_tickets");
            e.HasKey(t => new { t.OrderId, t.TicketId });
            e.Ignore(t => t.Currency);
            e.HasIndex(t => t.TicketId).HasDatabaseName("ix_order_tickets_ticket_id");
        });

        modelBuilder.Entity<TicketReplica>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.TicketId);
            e.Property(t => t.TicketId).ValueGeneratedNever();
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Property(t => t.Status).HasMaxLength(20);
            // General admission picks the first free units of one tier in id order; only free rows
            // are worth indexing, and the id makes the pick an ordered index range (migration 0003).
            e.HasIndex(t => new { t.EventId, t.Tier, t.TicketId }).HasDatabaseName("ix_tickets_free_by_tier").HasFilter("held_by_order_id IS NULL");
            e.HasIndex(t => t.HeldByOrderId).HasDatabaseName("ix_tickets_held_by_order_id");
        });

        modelBuilder.Entity<CancelledEvent>(e =>
        {
            e.ToTable("cancelled_events");
            e.HasKey(c => c.EventId);
            e.Property(c => c.EventId).ValueGeneratedNever();
        });

        modelBuilder.Entity<WaitingRoom>(e =>
        {
            e.ToTable("waiting_rooms");
            e.HasKey(r => r.EventId);
            e.Property(r => r.EventId).ValueGeneratedNever();
        });

        modelBuilder.Entity<QueuePlace>(e =>
        {
            e.ToTable("queue_places");
            e.HasKey(p => new { p.EventId, p.UserId });
            // One account per position: the counter gives each number once.
            e.HasIndex(p => new { p.EventId, p.Position }).IsUnique().HasDatabaseName("ix_queue_places_event_id_position");
        });
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : OrderingDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : OrderingDbContext(options);
}
