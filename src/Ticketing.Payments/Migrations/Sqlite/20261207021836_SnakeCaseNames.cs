using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_sandbox_intents",
                table: "sandbox_intents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_processed_provider_events",
                table: "processed_provider_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_payments",
                table: "payments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_order_replicas",
                table: "order_replicas");

            migrationBuilder.DropPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotency_records",
                table: "idempotency_records");

            migrationBuilder.DropPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.AddPrimaryKey(
                name: "pk_sandbox_intents",
                table: "sandbox_intents",
                column: "intent_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_processed_provider_events",
                table: "processed_provider_events",
                column: "event_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_payments",
                table: "payments",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "pk_order_replicas",
                table: "order_replicas",
                column: "order_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_idempotency_records",
                table: "idempotency_records",
                columns: new[] { "user_id", "key" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_sandbox_intents",
                table: "sandbox_intents");

            migrationBuilder.DropPrimaryKey(
                name: "pk_processed_provider_events",
                table: "processed_provider_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_payments",
                table: "payments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_order_replicas",
                table: "order_replicas");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_idempotency_records",
                table: "idempotency_records");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.AddPrimaryKey(
                name: "PK_sandbox_intents",
                table: "sandbox_intents",
                column: "intent_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_processed_provider_events",
                table: "processed_provider_events",
                column: "event_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_payments",
                table: "payments",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "PK_order_replicas",
                table: "order_replicas",
                column: "order_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotency_records",
                table: "idempotency_records",
                columns: new[] { "user_id", "key" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");
        }
    }
}
