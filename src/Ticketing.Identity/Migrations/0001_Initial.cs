using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Identity.Migrations;

[DbContext(typeof(IdentityDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: false),
                password_hash = table.Column<string>(maxLength: 500, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                failed_sign_ins = table.Column<int>(nullable: false),
                locked_until = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_users", u => u.id));
        migrationBuilder.CreateIndex("ux_users_email", "users", "email", unique: true);
    }
}
