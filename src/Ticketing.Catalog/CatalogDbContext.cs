using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Users;

namespace Ticketing.Catalog;

public abstract class CatalogDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0005_HandlersNamedAfterActions";

    internal DbSet<Ticket> Tickets => Set<Ticket>();

    internal DbSet<Event> Events => Set<Event>();

    internal DbSet<Pass> Passes => Set<Pass>();

    internal DbSet<CheckIn> CheckIns => Set<CheckIn>();

    internal DbSet<StaffMember> Staff => Set<StaffMember>();

    internal DbSet<UserEntry> Users => Set<UserEntry>();

    internal DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Tier).HasMaxLength(Ticket.LabelMaxLength);
            e.Property(t => t.Seat).HasMaxLength(Ticket.LabelMaxLength);
            e.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Property(t => t.Status).HasMaxLength(20);
            e.Property(t => t.Version).IsConcurrencyToken();
            // A seat is sold once per event; GA units have no label (NULLs never collide).
            e.HasIndex(t => new { t.EventId, t.Seat }).IsUnique().HasDatabaseName("ux_tickets_event_seat");
            // The public listing: on-sale tickets, newest first.
            // The id completes the list's sort (newest first, then id): a generated tier shares one
            // created_at, and without it every page sorted all of those rows (33 ms for 10,000 on SQLite).
            e.HasIndex(t => new { t.Status, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_status_created");
            // Tier availability is counted live per event.
            e.HasIndex(t => new { t.EventId, t.Tier, t.Status }).HasDatabaseName("ix_tickets_event_tier_status");
            e.HasIndex(t => t.OrderId).HasDatabaseName("ix_tickets_order");
        });

        modelBuilder.Entity<Event>(e =>
        {
            e.ToTable("events");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Title).HasMaxLength(Event.TitleMaxLength);
            e.Property(v => v.Description).HasMaxLength(Event.DescriptionMaxLength);
            e.Property(v => v.Venue).HasMaxLength(Event.VenueMaxLength);
            e.Property(v => v.Currency).HasMaxLength(3);
            e.Property(v => v.Status).HasMaxLength(20);
            e.Property(v => v.Version).IsConcurrencyToken();
            e.Property(v => v.WaitingRoomMinutes).HasDefaultValue(0);
            e.HasIndex(v => new { v.Status, v.StartsAt }).HasDatabaseName("ix_events_status_starts");
            e.HasIndex(v => v.OrganizerId).HasDatabaseName("ix_events_organizer");
        });

        modelBuilder.Entity<Pass>(e =>
        {
            e.ToTable("passes");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Code).HasMaxLength(Pass.CodeMaxLength);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.Payload);
            // One pass per ticket, ever: a replayed OrderCompleted cannot issue a second one.
            e.HasIndex(p => p.TicketId).IsUnique().HasDatabaseName("ux_passes_ticket");
            e.HasIndex(p => p.HolderId).HasDatabaseName("ix_passes_holder");
            e.HasIndex(p => p.EventId).HasDatabaseName("ix_passes_event");
        });

        modelBuilder.Entity<CheckIn>(e =>
        {
            e.ToTable("check_ins");
            // The key is the arbiter of "exactly once": of two scans racing, only one row can exist.
            e.HasKey(c => c.PassId);
            e.Property(c => c.PassId).ValueGeneratedNever();
            e.HasIndex(c => c.EventId).HasDatabaseName("ix_check_ins_event");
        });

        modelBuilder.Entity<StaffMember>(e =>
        {
            e.ToTable("event_staff");
            e.HasKey(s => new { s.EventId, s.UserId });
        });

        modelBuilder.Entity<UserEntry>(e =>
        {
            e.ToTable("user_directory");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.Email).HasMaxLength(UserEntry.EmailMaxLength);
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_user_directory_email");
        });

        modelBuilder.Entity<StaffInvitation>(e =>
        {
            e.ToTable("staff_invitations");
            e.HasKey(i => new { i.EventId, i.Email });
            e.Property(i => i.Email).HasMaxLength(UserEntry.EmailMaxLength);
            e.HasIndex(i => i.Email).HasDatabaseName("ix_staff_invitations_email");
        });
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : CatalogDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : CatalogDbContext(options);
}
