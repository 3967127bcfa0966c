using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Ordering.Migrations;

/// <summary>Waiting rooms in front of on-sales, and the places buyers take in them.</summary>
[DbContext(typeof(OrderingDbContext))]
[Migration("0004_WaitingRooms")]
public sealed class WaitingRooms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "waiting_rooms",
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                opens_at = table.Column<DateTime>(nullable: false),
                closes_at = table.Column<DateTime>(nullable: false),
                admit_per_second = table.Column<double>(nullable: false),
                secret = table.Column<byte[]>(nullable: false),
                last_position = table.Column<int>(nullable: false),
                next_admit_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_waiting_rooms", r => r.event_id));
        migrationBuilder.CreateTable(
            name: "queue_places",
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                position = table.Column<int>(nullable: false),
                joined_at = table.Column<DateTime>(nullable: false),
                admit_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_queue_places", p => new { p.event_id, p.user_id }));
        migrationBuilder.CreateIndex("ix_queue_places_event_id_position", "queue_places", ["event_id", "position"], unique: true);
    }
}
