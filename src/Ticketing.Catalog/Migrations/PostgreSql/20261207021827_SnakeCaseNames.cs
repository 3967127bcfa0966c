using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Catalog.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_user_directory",
                table: "user_directory");

            migrationBuilder.DropPrimaryKey(
                name: "PK_tickets",
                table: "tickets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_staff_invitations",
                table: "staff_invitations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_passes",
                table: "passes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_events",
                table: "events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_event_staff",
                table: "event_staff");

            migrationBuilder.DropPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_check_ins",
                table: "check_ins");

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_directory",
                table: "user_directory",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_tickets",
                table: "tickets",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_staff_invitations",
                table: "staff_invitations",
                columns: new[] { "event_id", "email" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_passes",
                table: "passes",
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
                name: "pk_events",
                table: "events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_event_staff",
                table: "event_staff",
                columns: new[] { "event_id", "user_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_check_ins",
                table: "check_ins",
                column: "pass_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_user_directory",
                table: "user_directory");

            migrationBuilder.DropPrimaryKey(
                name: "pk_tickets",
                table: "tickets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_staff_invitations",
                table: "staff_invitations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_passes",
                table: "passes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_events",
                table: "events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_event_staff",
                table: "event_staff");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_check_ins",
                table: "check_ins");

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_directory",
                table: "user_directory",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_tickets",
                table: "tickets",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_staff_invitations",
                table: "staff_invitations",
                columns: new[] { "event_id", "email" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_passes",
                table: "passes",
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
                name: "PK_events",
                table: "events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_event_staff",
                table: "event_staff",
                columns: new[] { "event_id", "user_id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_check_ins",
                table: "check_ins",
                column: "pass_id");
        }
    }
}
