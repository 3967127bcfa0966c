using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ServiceDbContext(options)
{
    internal DbSet<Ticket> Tickets => Set<Ticket>();

    internal DbSet<Event> Events => Set<Event>();

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
            e.HasIndex(t => new { t.Status, t.CreatedAt }).HasDatabaseName("ix_tickets_status_created");
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
            e.Property(v => v.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(v => new { v.Status, v.StartsAt }).HasDatabaseName("ix_events_status_starts");
            e.HasIndex(v => v.OrganizerId).HasDatabaseName("ix_events_organizer");
        });
    }
}
