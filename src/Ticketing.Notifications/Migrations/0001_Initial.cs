using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Notifications.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();

        migrationBuilder.CreateTable(
            name: "contacts",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_contacts", c => c.UserId));

        migrationBuilder.CreateTable(
            name: "order_summaries",
            columns: table => new
            {
                OrderId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                TotalMinor = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                Lines = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_order_summaries", o => o.OrderId));

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_notifications", n => n.Id));
        migrationBuilder.CreateIndex("IX_notifications_UserId_CreatedAt", "notifications", ["UserId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "outgoing_emails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                Attachments = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_outgoing_emails", m => m.Id));
        migrationBuilder.CreateIndex("IX_outgoing_emails_SentAt_NextAttemptAt", "outgoing_emails", ["SentAt", "NextAttemptAt"]);
    }
}
