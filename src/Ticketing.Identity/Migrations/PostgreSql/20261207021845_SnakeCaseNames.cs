using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Identity.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_users",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_external_users",
                table: "external_users");

            migrationBuilder.DropPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.AddPrimaryKey(
                name: "pk_users",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_external_users",
                table: "external_users",
                column: "user_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_users",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_external_users",
                table: "external_users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.AddPrimaryKey(
                name: "PK_users",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_external_users",
                table: "external_users",
                column: "user_id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");
        }
    }
}
