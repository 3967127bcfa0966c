using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Identity.Migrations;

[DbContext(typeof(IdentityDbContext))]
[Migration("0002_ExternalUsers")]
public sealed class ExternalUsers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "external_users",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                issuer = table.Column<string>(maxLength: 500, nullable: false),
                subject = table.Column<string>(maxLength: 255, nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_external_users", u => u.user_id));
        migrationBuilder.CreateIndex("ux_external_users_issuer_subject", "external_users", ["issuer", "subject"], unique: true);
        migrationBuilder.CreateIndex("ux_external_users_email", "external_users", "email", unique: true);
    }
}
