using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Notifications.Migrations;

/// <summary>The event handlers are named after what they do (docs/conventions.md); their inbox rows follow.</summary>
[DbContext(typeof(NotificationsDbContext))]
[Migration("0003_HandlersNamedAfterActions")]
public sealed class HandlersNamedAfterActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RenameInboxHandler("UserRegisteredHandler", "RecordContact");
        migrationBuilder.RenameInboxHandler("OrderCreatedHandler", "RecordOrderSummary");
        migrationBuilder.RenameInboxHandler("OrderCompletedHandler", "NotifyOrderCompleted");
        migrationBuilder.RenameInboxHandler("OrderCancelledHandler", "NotifyOrderCancelled");
        migrationBuilder.RenameInboxHandler("RefundIssuedHandler", "NotifyRefund");
        migrationBuilder.RenameInboxHandler("PassesIssuedHandler", "SendPasses");
        migrationBuilder.RenameInboxHandler("PassTransferredHandler", "NotifyPassTransfer");
    }
}
