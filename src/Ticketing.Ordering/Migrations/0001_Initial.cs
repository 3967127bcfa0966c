using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Ordering.Migrations;

[DbContext(typeof(OrderingDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();

        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
                total_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_orders", o => o.id));
        migrationBuilder.CreateIndex("ix_orders_user_id_created_at", "orders", ["user_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "order_tickets",
            columns: table => new
            {
                order_id = table.Column<Guid>(nullable: false),
                ticket_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(nullable: false),
                seat = table.Column<string>(nullable: true),
                tier = table.Column<string>(nullable: true),
                price_minor = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_order_tickets", t => new { t.order_id, t.ticket_id });
                table.ForeignKey("FK_order_tickets_orders_order_id", t => t.order_id, "orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_order_tickets_ticket_id", "order_tickets", "ticket_id");

        migrationBuilder.CreateTable(
            name: "tickets",
            columns: table => new
            {
                ticket_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                title = table.Column<string>(nullable: false),
                price_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                event_id = table.Column<Guid>(nullable: true),
                tier = table.Column<string>(nullable: true),
                seat = table.Column<string>(nullable: true),
                status = table.Column<string>(maxLength: 20, nullable: false),
                held_by_order_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_tickets", t => t.ticket_id));
        migrationBuilder.CreateIndex("ix_tickets_free_by_tier", "tickets", ["event_id", "tier"], filter: "held_by_order_id IS NULL");
        migrationBuilder.CreateIndex("ix_tickets_held_by_order_id", "tickets", "held_by_order_id");

        migrationBuilder.CreateTable(
            name: "cancelled_events",
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                cancelled_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_cancelled_events", c => c.event_id));
    }
}
