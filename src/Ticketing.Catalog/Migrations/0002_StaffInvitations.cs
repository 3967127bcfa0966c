using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Catalog.Migrations;

[DbContext(typeof(CatalogDbContext))]
[Migration("0002_StaffInvitations")]
public sealed class StaffInvitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "staff_invitations",
            columns: table => new
            {
                event_id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 320, nullable: false),
                invited_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_staff_invitations", i => new { i.event_id, i.email }));
        migrationBuilder.CreateIndex("ix_staff_invitations_email", "staff_invitations", "email");
    }
}
