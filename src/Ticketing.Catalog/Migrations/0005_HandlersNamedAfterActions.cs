using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Catalog.Migrations;

/// <summary>The event handlers are named after what they do (docs/conventions.md); their inbox rows follow.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("0005_HandlersNamedAfterActions")]
public sealed class HandlersNamedAfterActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RenameInboxHandler("OrderCreatedHandler", "ReserveTickets");
        migrationBuilder.RenameInboxHandler("OrderCompletedHandler", "SellTickets");
        migrationBuilder.RenameInboxHandler("OrderCancelledHandler", "ReleaseTickets");
        migrationBuilder.RenameInboxHandler("UserRegisteredHandler", "RecordUser");
    }
}
