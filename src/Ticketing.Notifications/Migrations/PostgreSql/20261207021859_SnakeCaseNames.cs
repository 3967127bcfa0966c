using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Persistence;

#nullable disable

namespace Ticketing.Notifications.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Subject",
                table: "outgoing_emails",
                newName: "subject");

            migrationBuilder.RenameColumn(
                name: "Body",
                table: "outgoing_emails",
                newName: "body");

            migrationBuilder.RenameColumn(
                name: "Attempts",
                table: "outgoing_emails",
                newName: "attempts");

            migrationBuilder.RenameColumn(
                name: "Attachments",
                table: "outgoing_emails",
                newName: "attachments");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "outgoing_emails",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "outgoing_emails",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "SentAt",
                table: "outgoing_emails",
                newName: "sent_at");

            migrationBuilder.RenameColumn(
                name: "NextAttemptAt",
                table: "outgoing_emails",
                newName: "next_attempt_at");

            migrationBuilder.RenameColumn(
                name: "LastError",
                table: "outgoing_emails",
                newName: "last_error");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "outgoing_emails",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_outgoing_emails_SentAt_NextAttemptAt",
                table: "outgoing_emails",
                newName: "ix_outgoing_emails_sent_at_next_attempt_at");

            migrationBuilder.RenameColumn(
                name: "Lines",
                table: "order_summaries",
                newName: "lines");

            migrationBuilder.RenameColumn(
                name: "Currency",
                table: "order_summaries",
                newName: "currency");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "order_summaries",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "TotalMinor",
                table: "order_summaries",
                newName: "total_minor");

            migrationBuilder.RenameColumn(
                name: "OrderId",
                table: "order_summaries",
                newName: "order_id");

            migrationBuilder.RenameColumn(
                name: "Title",
                table: "notifications",
                newName: "title");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "notifications",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Body",
                table: "notifications",
                newName: "body");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "notifications",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "notifications",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "ReadAt",
                table: "notifications",
                newName: "read_at");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "notifications",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_notifications_UserId_CreatedAt",
                table: "notifications",
                newName: "ix_notifications_user_id_created_at");

            migrationBuilder.RenameColumn(
                name: "Email",
                table: "contacts",
                newName: "email");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "contacts",
                newName: "user_id");

            migrationBuilder.RenameConstraint(
                table: "outgoing_emails",
                name: "PK_outgoing_emails",
                newName: "pk_outgoing_emails");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "PK_outbox_messages",
                newName: "pk_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "order_summaries",
                name: "PK_order_summaries",
                newName: "pk_order_summaries");

            migrationBuilder.RenameConstraint(
                table: "notifications",
                name: "PK_notifications",
                newName: "pk_notifications");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "PK_inbox_messages",
                newName: "pk_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "PK_dead_letter_messages",
                newName: "pk_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "contacts",
                name: "PK_contacts",
                newName: "pk_contacts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "subject",
                table: "outgoing_emails",
                newName: "Subject");

            migrationBuilder.RenameColumn(
                name: "body",
                table: "outgoing_emails",
                newName: "Body");

            migrationBuilder.RenameColumn(
                name: "attempts",
                table: "outgoing_emails",
                newName: "Attempts");

            migrationBuilder.RenameColumn(
                name: "attachments",
                table: "outgoing_emails",
                newName: "Attachments");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "outgoing_emails",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "outgoing_emails",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "sent_at",
                table: "outgoing_emails",
                newName: "SentAt");

            migrationBuilder.RenameColumn(
                name: "next_attempt_at",
                table: "outgoing_emails",
                newName: "NextAttemptAt");

            migrationBuilder.RenameColumn(
                name: "last_error",
                table: "outgoing_emails",
                newName: "LastError");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "outgoing_emails",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "ix_outgoing_emails_sent_at_next_attempt_at",
                table: "outgoing_emails",
                newName: "IX_outgoing_emails_SentAt_NextAttemptAt");

            migrationBuilder.RenameColumn(
                name: "lines",
                table: "order_summaries",
                newName: "Lines");

            migrationBuilder.RenameColumn(
                name: "currency",
                table: "order_summaries",
                newName: "Currency");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "order_summaries",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "total_minor",
                table: "order_summaries",
                newName: "TotalMinor");

            migrationBuilder.RenameColumn(
                name: "order_id",
                table: "order_summaries",
                newName: "OrderId");

            migrationBuilder.RenameColumn(
                name: "title",
                table: "notifications",
                newName: "Title");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "notifications",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "body",
                table: "notifications",
                newName: "Body");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "notifications",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "notifications",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "read_at",
                table: "notifications",
                newName: "ReadAt");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "notifications",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "ix_notifications_user_id_created_at",
                table: "notifications",
                newName: "IX_notifications_UserId_CreatedAt");

            migrationBuilder.RenameColumn(
                name: "email",
                table: "contacts",
                newName: "Email");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "contacts",
                newName: "UserId");

            migrationBuilder.RenameConstraint(
                table: "outgoing_emails",
                name: "pk_outgoing_emails",
                newName: "PK_outgoing_emails");

            migrationBuilder.RenameConstraint(
                table: "outbox_messages",
                name: "pk_outbox_messages",
                newName: "PK_outbox_messages");

            migrationBuilder.RenameConstraint(
                table: "order_summaries",
                name: "pk_order_summaries",
                newName: "PK_order_summaries");

            migrationBuilder.RenameConstraint(
                table: "notifications",
                name: "pk_notifications",
                newName: "PK_notifications");

            migrationBuilder.RenameConstraint(
                table: "inbox_messages",
                name: "pk_inbox_messages",
                newName: "PK_inbox_messages");

            migrationBuilder.RenameConstraint(
                table: "dead_letter_messages",
                name: "pk_dead_letter_messages",
                newName: "PK_dead_letter_messages");

            migrationBuilder.RenameConstraint(
                table: "contacts",
                name: "pk_contacts",
                newName: "PK_contacts");
        }
    }
}
