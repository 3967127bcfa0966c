using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Persistence;

#nullable disable

namespace Ticketing.Payments.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "sandbox_intents",
                name: "PK_sandbox_intents",
                newName: "pk_sandbox_intents");

            migrationBuilder.RenameConstraint(
                table: "processed_provider_events",
                name: "PK_processed_provider_events",
                newName: "pk_processed_provider_events");

            migrationBuilder.RenameConstraint(
                table: "payments",
                name: "PK_payments",
                newName: "pk_payments");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "PK_outbox_messages",
                newName: "pk_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "order_replicas",
                name: "PK_order_replicas",
                newName: "pk_order_replicas");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "PK_inbox_messages",
                newName: "pk_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "idempotency_records",
                name: "PK_idempotency_records",
                newName: "pk_idempotency_records");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "PK_dead_letter_messages",
                newName: "pk_dead_letter_messages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "sandbox_intents",
                name: "pk_sandbox_intents",
                newName: "PK_sandbox_intents");

            migrationBuilder.RenameConstraint(
                table: "processed_provider_events",
                name: "pk_processed_provider_events",
                newName: "PK_processed_provider_events");

            migrationBuilder.RenameConstraint(
                table: "payments",
                name: "pk_payments",
                newName: "PK_payments");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "pk_outbox_messages",
                newName: "PK_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "order_replicas",
                name: "pk_order_replicas",
                newName: "PK_order_replicas");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "pk_inbox_messages",
                newName: "PK_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "idempotency_records",
                name: "pk_idempotency_records",
                newName: "PK_idempotency_records");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "pk_dead_letter_messages",
                newName: "PK_dead_letter_messages");
        }
    }
}
