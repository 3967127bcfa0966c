using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Ordering.Migrations;

/// <summary>
/// The replica keeps the ticket's owner (already on every ticket event) so a seller cannot order
/// their own resale listing. Nullable: rows replicated before are filled by their next event.
/// </summary>
[DbContext(typeof(OrderingDbContext))]
[Migration("0002_TicketOwner")]
public sealed class TicketOwner : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>(name: "owner_id", table: "tickets", nullable: true);
}
