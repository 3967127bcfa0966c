using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Persistence;

#nullable disable

namespace Ticketing.Catalog.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "user_directory",
                name: "PK_user_directory",
                newName: "pk_user_directory");

            migrationBuilder.RenameConstraint(
                table: "tickets",
                name: "PK_tickets",
                newName: "pk_tickets");

            migrationBuilder.RenameConstraint(
                table: "staff_invitations",
                name: "PK_staff_invitations",
                newName: "pk_staff_invitations");

            migrationBuilder.RenameConstraint(
                table: "passes",
                name: "PK_passes",
                newName: "pk_passes");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "PK_outbox_messages",
                newName: "pk_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "PK_inbox_messages",
                newName: "pk_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "events",
                name: "PK_events",
                newName: "pk_events");

            migrationBuilder.RenameConstraint(
                table: "event_staff",
                name: "PK_event_staff",
                newName: "pk_event_staff");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "PK_dead_letter_messages",
                newName: "pk_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "check_ins",
                name: "PK_check_ins",
                newName: "pk_check_ins");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraint(
                table: "user_directory",
                name: "pk_user_directory",
                newName: "PK_user_directory");

            migrationBuilder.RenameConstraint(
                table: "tickets",
                name: "pk_tickets",
                newName: "PK_tickets");

            migrationBuilder.RenameConstraint(
                table: "staff_invitations",
                name: "pk_staff_invitations",
                newName: "PK_staff_invitations");

            migrationBuilder.RenameConstraint(
                table: "passes",
                name: "pk_passes",
                newName: "PK_passes");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "pk_outbox_messages",
                newName: "PK_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "pk_inbox_messages",
                newName: "PK_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "events",
                name: "pk_events",
                newName: "PK_events");

            migrationBuilder.RenameConstraint(
                table: "event_staff",
                name: "pk_event_staff",
                newName: "PK_event_staff");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "pk_dead_letter_messages",
                newName: "PK_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "check_ins",
                name: "pk_check_ins",
                newName: "PK_check_ins");
        }
    }
}
