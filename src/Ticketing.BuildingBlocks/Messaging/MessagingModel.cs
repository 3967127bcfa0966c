using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// The messaging tables every service database has. The model mapping and the migration
/// that creates them live side by side so they cannot drift apart unnoticed (the schema
/// tests compare the two on both providers).
/// </summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string DeadLetterTable = "dead_letter_messages";
    private const string TraceParentColumn = "trace_parent";

    /// <summary>A traceparent is 55 characters; W3C caps tracestate at 512.</summary>
    private const int TraceParentLength = 600;

    public static void AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            e.Property(m => m.EventId).HasColumnName("event_id");
            e.Property(m => m.EventType).HasColumnName("event_type").HasMaxLength(200);
            e.Property(m => m.Payload).HasColumnName("payload");
            e.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            e.Property(m => m.PublishedAt).HasColumnName("published_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error");
            e.Property(m => m.TraceParent).HasColumnName(TraceParentColumn).HasMaxLength(TraceParentLength);
            // The relay only ever looks for unpublished rows.
            e.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_unpublished").HasFilter("published_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.EventId, m.Handler });
            e.Property(m => m.EventId).HasColumnName("event_id");
            e.Property(m => m.Handler).HasColumnName("handler").HasMaxLength(300);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        modelBuilder.Entity<DeadLetterMessage>(e =>
        {
            e.ToTable(DeadLetterTable);
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(m => m.EventId).HasColumnName("event_id");
            e.Property(m => m.EventType).HasColumnName("event_type").HasMaxLength(200);
            e.Property(m => m.Handler).HasColumnName("handler").HasMaxLength(300);
            e.Property(m => m.Payload).HasColumnName("payload");
            e.Property(m => m.Error).HasColumnName("error");
            e.Property(m => m.FailedAt).HasColumnName("failed_at");
        });
    }

    /// <summary>Creates the messaging tables; call it from each service's first migration.</summary>
    public static void CreateMessagingTables(this MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.IsNpgsql();
        migrationBuilder.CreateTable(
            name: OutboxTable,
            columns: table => new
            {
                sequence = postgres
                    ? table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    : table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                event_id = table.Column<Guid>(nullable: false),
                event_type = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                published_at = table.Column<DateTime>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_outbox_messages", m => m.sequence));
        migrationBuilder.CreateIndex("ix_outbox_unpublished", OutboxTable, "sequence", filter: "published_at IS NULL");

        migrationBuilder.CreateTable(
            name: InboxTable,
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                handler = table.Column<string>(maxLength: 300, nullable: false),
                processed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_inbox_messages", m => new { m.event_id, m.handler }));

        migrationBuilder.CreateTable(
            name: DeadLetterTable,
            columns: table => new
            {
                id = postgres
                    ? table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    : table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                event_id = table.Column<Guid>(nullable: false),
                event_type = table.Column<string>(maxLength: 200, nullable: false),
                handler = table.Column<string>(maxLength: 300, nullable: false),
                payload = table.Column<string>(nullable: false),
                error = table.Column<string>(nullable: false),
                failed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_dead_letter_messages", m => m.id));
    }

    /// <summary>Adds the outbox's trace context column (docs/adr/0014-observability.md); one migration per service calls it.</summary>
    public static void AddOutboxTraceParent(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(TraceParentColumn, OutboxTable, maxLength: TraceParentLength, nullable: true);

    /// <summary>
    /// Renames a handler's inbox rows with the handler class (the class name is the inbox key), so
    /// events it already handled under the old name stay handled and are not run again on redelivery.
    /// </summary>
    public static void RenameInboxHandler(this MigrationBuilder migrationBuilder, string oldName, string newName) =>
        // Class names only (no quotes to escape); UpdateData would need the model, which these migrations do not carry.
        migrationBuilder.Sql($"UPDATE {InboxTable} SET handler = '{newName}' WHERE handler = '{oldName}'");

    public static bool IsNpgsql(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
