using Microsoft.EntityFrameworkCore;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// The messaging tables every service database has; each service's generated migrations
/// create them with the rest of its schema.
/// </summary>
public static class MessagingModel
{
    private const string OutboxTable = "outbox_messages";
    private const string InboxTable = "inbox_messages";
    private const string DeadLetterTable = "dead_letter_messages";

    /// <summary>A traceparent is 55 characters; W3C caps tracestate at 512.</summary>
    private const int TraceParentLength = 600;

    public static void AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.Property(m => m.EventType).HasMaxLength(200);
            e.Property(m => m.TraceParent).HasMaxLength(TraceParentLength);
            // The relay only ever looks for unpublished rows.
            e.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_unpublished").HasFilter("published_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.EventId, m.Handler });
            e.Property(m => m.Handler).HasMaxLength(300);
        });

        modelBuilder.Entity<DeadLetterMessage>(e =>
        {
            e.ToTable(DeadLetterTable);
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedOnAdd();
            e.Property(m => m.EventType).HasMaxLength(200);
            e.Property(m => m.Handler).HasMaxLength(300);
        });
    }
}
