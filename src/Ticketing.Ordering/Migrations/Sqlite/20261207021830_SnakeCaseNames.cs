using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_order_tickets_orders_order_id",
                table: "order_tickets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_waiting_rooms",
                table: "waiting_rooms");

            migrationBuilder.DropPrimaryKey(
                name: "PK_tickets",
                table: "tickets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_queue_places",
                table: "queue_places");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_orders",
                table: "orders");

            migrationBuilder.DropPrimaryKey(
                name: "PK_order_tickets",
                table: "order_tickets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_cancelled_events",
                table: "cancelled_events");

            migrationBuilder.AddPrimaryKey(
                name: "pk_waiting_rooms",
                table: "waiting_rooms",
                column: "event_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_tickets",
                table: "tickets",
                column: "ticket_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_queue_places",
                table: "queue_places",
                columns: new[] { "event_id", "user_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "pk_orders",
                table: "orders",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_order_tickets",
                table: "order_tickets",
                columns: new[] { "order_id", "ticket_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cancelled_events",
                table: "cancelled_events",
                column: "event_id");

            migrationBuilder.AddForeignKey(
                name: "fk_order_tickets_orders_order_id",
                table: "order_tickets",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_order_tickets_orders_order_id",
                table: "order_tickets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_waiting_rooms",
                table: "waiting_rooms");

            migrationBuilder.DropPrimaryKey(
                name: "pk_tickets",
                table: "tickets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_queue_places",
                table: "queue_places");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_orders",
                table: "orders");

            migrationBuilder.DropPrimaryKey(
                name: "pk_order_tickets",
                table: "order_tickets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cancelled_events",
                table: "cancelled_events");

            migrationBuilder.AddPrimaryKey(
                name: "PK_waiting_rooms",
                table: "waiting_rooms",
                column: "event_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_tickets",
                table: "tickets",
                column: "ticket_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_queue_places",
                table: "queue_places",
                columns: new[] { "event_id", "user_id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "PK_orders",
                table: "orders",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_order_tickets",
                table: "order_tickets",
                columns: new[] { "order_id", "ticket_id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_cancelled_events",
                table: "cancelled_events",
                column: "event_id");

            migrationBuilder.AddForeignKey(
                name: "FK_order_tickets_orders_order_id",
                table: "order_tickets",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
