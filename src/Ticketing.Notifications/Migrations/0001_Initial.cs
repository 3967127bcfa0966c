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
    }
}
