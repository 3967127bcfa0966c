using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Catalog.Migrations;

[DbContext(typeof(CatalogDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();

        migrationBuilder.CreateTable(
            name: "events",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organizer_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: false),
                venue = table.Column<string>(maxLength: 200, nullable: false),
                starts_at = table.Column<DateTime>(nullable: false),
                ends_at = table.Column<DateTime>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                version = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                published_at = table.Column<DateTime>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_events", e => e.id));
        migrationBuilder.CreateIndex("ix_events_status_starts", "events", ["status", "starts_at"]);
        migrationBuilder.CreateIndex("ix_events_organizer", "events", "organizer_id");

        migrationBuilder.CreateTable(
            name: "tickets",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                event_id = table.Column<Guid>(nullable: true),
                tier = table.Column<string>(maxLength: 100, nullable: true),
                seat = table.Column<string>(maxLength: 100, nullable: true),
                title = table.Column<string>(maxLength: 200, nullable: false),
                price_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                owner_id = table.Column<Guid>(nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                order_id = table.Column<Guid>(nullable: true),
                buyer_id = table.Column<Guid>(nullable: true),
                version = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_tickets", t => t.id));
        migrationBuilder.CreateIndex("ux_tickets_event_seat", "tickets", ["event_id", "seat"], unique: true);
        migrationBuilder.CreateIndex("ix_tickets_status_created", "tickets", ["status", "created_at", "id"]);
        migrationBuilder.CreateIndex("ix_tickets_event_tier_status", "tickets", ["event_id", "tier", "status"]);
        migrationBuilder.CreateIndex("ix_tickets_order", "tickets", "order_id");

        migrationBuilder.CreateTable(
            name: "passes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                ticket_id = table.Column<Guid>(nullable: false),
                event_id = table.Column<Guid>(nullable: true),
                order_id = table.Column<Guid>(nullable: false),
                holder_id = table.Column<Guid>(nullable: false),
                serial = table.Column<int>(nullable: false),
                code = table.Column<string>(maxLength: 200, nullable: false),
                issued_at = table.Column<DateTime>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_passes", p => p.id));
        migrationBuilder.CreateIndex("ux_passes_ticket", "passes", "ticket_id", unique: true);
        migrationBuilder.CreateIndex("ix_passes_holder", "passes", "holder_id");
        migrationBuilder.CreateIndex("ix_passes_event", "passes", "event_id");

        migrationBuilder.CreateTable(
            name: "check_ins",
            columns: table => new
            {
                pass_id = table.Column<Guid>(nullable: false),
                event_id = table.Column<Guid>(nullable: true),
                serial = table.Column<int>(nullable: false),
                holder_id = table.Column<Guid>(nullable: false),
                scanned_by = table.Column<Guid>(nullable: false),
                checked_in_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_check_ins", c => c.pass_id));
        migrationBuilder.CreateIndex("ix_check_ins_event", "check_ins", "event_id");

        migrationBuilder.CreateTable(
            name: "event_staff",
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_event_staff", s => new { s.event_id, s.user_id }));

        migrationBuilder.CreateTable(
            name: "user_directory",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 320, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_user_directory", u => u.id));
        migrationBuilder.CreateIndex("ux_user_directory_email", "user_directory", "email", unique: true);
    }
}
