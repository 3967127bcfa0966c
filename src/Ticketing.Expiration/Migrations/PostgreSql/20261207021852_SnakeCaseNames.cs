using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Persistence;

#nullable disable

namespace Ticketing.Expiration.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "PK_outbox_messages",
                newName: "pk_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "PK_inbox_messages",
                newName: "pk_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "expiration_timers",
                name: "PK_expiration_timers",
                newName: "pk_expiration_timers");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "PK_dead_letter_messages",
                newName: "pk_dead_letter_messages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "pk_outbox_messages",
                newName: "PK_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "pk_inbox_messages",
                newName: "PK_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "expiration_timers",
                name: "pk_expiration_timers",
                newName: "PK_expiration_timers");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "pk_dead_letter_messages",
                newName: "PK_dead_letter_messages");
        }
    }
}
