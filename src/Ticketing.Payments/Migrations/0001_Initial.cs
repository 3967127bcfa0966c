using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Payments.Migrations;

[DbContext(typeof(PaymentsDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();
    }
}
