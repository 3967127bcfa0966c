using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Users;

namespace Ticketing.Catalog;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ServiceDbContext(options)
{
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
            e.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(t => t.EventId).HasColumnName("event_id");
            e.Property(t => t.Tier).HasColumnName("tier").HasMaxLength(Ticket.LabelMaxLength);
            e.Property(t => t.Seat).HasColumnName("seat").HasMaxLength(Ticket.LabelMaxLength);
            e.Property(t => t.Title).HasColumnName("title").HasMaxLength(Ticket.TitleMaxLength);
            e.Property(t => t.PriceMinor).HasColumnName("price_minor");
            e.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(t => t.OwnerId).HasColumnName("owner_id");
            e.Property(t => t.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(t => t.OrderId).HasColumnName("order_id");
            e.Property(t => t.BuyerId).HasColumnName("buyer_id");
            e.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(t => t.CreatedAt).HasColumnName("created_at");
            e.Property(t => t.UpdatedAt).HasColumnName("updated_at");
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
            e.Property(v => v.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(v => v.OrganizerId).HasColumnName("organizer_id");
            e.Property(v => v.Title).HasColumnName("title").HasMaxLength(Event.TitleMaxLength);
            e.Property(v => v.Description).HasColumnName("description").HasMaxLength(Event.DescriptionMaxLength);
            e.Property(v => v.Venue).HasColumnName("venue").HasMaxLength(Event.VenueMaxLength);
            e.Property(v => v.StartsAt).HasColumnName("starts_at");
            e.Property(v => v.EndsAt).HasColumnName("ends_at");
            e.Property(v => v.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(v => v.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(v => v.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(v => v.CreatedAt).HasColumnName("created_at");
            e.Property(v => v.PublishedAt).HasColumnName("published_at");
            e.Property(v => v.WaitingRoomMinutes).HasColumnName("waiting_room_minutes").HasDefaultValue(0);
            e.Property(v => v.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(v => new { v.Status, v.StartsAt }).HasDatabaseName("ix_events_status_starts");
            e.HasIndex(v => v.OrganizerId).HasDatabaseName("ix_events_organizer");
        });

        modelBuilder.Entity<Pass>(e =>
        {
            e.ToTable("passes");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(p => p.TicketId).HasColumnName("ticket_id");
            e.Property(p => p.EventId).HasColumnName("event_id");
            e.Property(p => p.OrderId).HasColumnName("order_id");
            e.Property(p => p.HolderId).HasColumnName("holder_id");
            e.Property(p => p.Serial).HasColumnName("serial");
            e.Property(p => p.Code).HasColumnName("code").HasMaxLength(Pass.CodeMaxLength);
            e.Property(p => p.IssuedAt).HasColumnName("issued_at");
            e.Property(p => p.RevokedAt).HasColumnName("revoked_at");
            e.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
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
            e.Property(c => c.PassId).HasColumnName("pass_id").ValueGeneratedNever();
            e.Property(c => c.EventId).HasColumnName("event_id");
            e.Property(c => c.Serial).HasColumnName("serial");
            e.Property(c => c.HolderId).HasColumnName("holder_id");
            e.Property(c => c.ScannedBy).HasColumnName("scanned_by");
            e.Property(c => c.CheckedInAt).HasColumnName("checked_in_at");
            e.HasIndex(c => c.EventId).HasDatabaseName("ix_check_ins_event");
        });

        modelBuilder.Entity<StaffMember>(e =>
        {
            e.ToTable("event_staff");
            e.HasKey(s => new { s.EventId, s.UserId });
            e.Property(s => s.EventId).HasColumnName("event_id");
            e.Property(s => s.UserId).HasColumnName("user_id");
            e.Property(s => s.AddedAt).HasColumnName("added_at");
        });

        modelBuilder.Entity<UserEntry>(e =>
        {
            e.ToTable("user_directory");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(u => u.Email).HasColumnName("email").HasMaxLength(UserEntry.EmailMaxLength);
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_user_directory_email");
        });

        modelBuilder.Entity<StaffInvitation>(e =>
        {
            e.ToTable("staff_invitations");
            e.HasKey(i => new { i.EventId, i.Email });
            e.Property(i => i.EventId).HasColumnName("event_id");
            e.Property(i => i.Email).HasColumnName("email").HasMaxLength(UserEntry.EmailMaxLength);
            e.Property(i => i.InvitedAt).HasColumnName("invited_at");
            e.HasIndex(i => i.Email).HasDatabaseName("ix_staff_invitations_email");
        });
    }
}
