using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Persistence;

#nullable disable

namespace Ticketing.Ordering.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "waiting_rooms",
                name: "PK_waiting_rooms",
                newName: "pk_waiting_rooms");

            migrationBuilder.RenameConstraint(
                table: "tickets",
                name: "PK_tickets",
                newName: "pk_tickets");

            migrationBuilder.RenameConstraint(
                table: "queue_places",
                name: "PK_queue_places",
                newName: "pk_queue_places");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "PK_outbox_messages",
                newName: "pk_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "orders",
                name: "PK_orders",
                newName: "pk_orders");

            migrationBuilder.RenameConstraint(
                table: "order_tickets",
                name: "PK_order_tickets",
                newName: "pk_order_tickets");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "PK_inbox_messages",
                newName: "pk_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "PK_dead_letter_messages",
                newName: "pk_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "cancelled_events",
                name: "PK_cancelled_events",
                newName: "pk_cancelled_events");

            migrationBuilder.RenameConstraint(
                table: "order_tickets",
                name: "FK_order_tickets_orders_order_id",
                newName: "fk_order_tickets_orders_order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "waiting_rooms",
                name: "pk_waiting_rooms",
                newName: "PK_waiting_rooms");

            migrationBuilder.RenameConstraint(
                table: "tickets",
                name: "pk_tickets",
                newName: "PK_tickets");

            migrationBuilder.RenameConstraint(
                table: "queue_places",
                name: "pk_queue_places",
                newName: "PK_queue_places");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "pk_outbox_messages",
                newName: "PK_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "orders",
                name: "pk_orders",
                newName: "PK_orders");

            migrationBuilder.RenameConstraint(
                table: "order_tickets",
                name: "pk_order_tickets",
                newName: "PK_order_tickets");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "pk_inbox_messages",
                newName: "PK_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "pk_dead_letter_messages",
                newName: "PK_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "cancelled_events",
                name: "pk_cancelled_events",
                newName: "PK_cancelled_events");

            migrationBuilder.RenameConstraint(
                table: "order_tickets",
                name: "fk_order_tickets_orders_order_id",
                newName: "FK_order_tickets_orders_order_id");
        }
    }
}
