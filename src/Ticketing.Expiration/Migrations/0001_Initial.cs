using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Expiration.Migrations;

[DbContext(typeof(ExpirationDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();

        migrationBuilder.CreateTable(
            name: "expiration_timers",
            columns: table => new
            {
                order_id = table.Column<Guid>(nullable: false),
                due_at = table.Column<DateTime>(nullable: false),
                fired_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_expiration_timers", t => t.order_id));
        migrationBuilder.CreateIndex("ix_expiration_timers_pending", "expiration_timers", "due_at", filter: "fired_at IS NULL");
    }
}
