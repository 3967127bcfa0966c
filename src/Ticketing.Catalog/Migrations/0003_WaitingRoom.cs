using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Catalog.Migrations;

/// <summary>An event may open its sale through a waiting room; existing events have none.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("0003_WaitingRoom")]
public sealed class WaitingRoom : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("waiting_room_minutes", "events", nullable: false, defaultValue: 0);
}
