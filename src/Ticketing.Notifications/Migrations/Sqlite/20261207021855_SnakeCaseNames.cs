using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Notifications.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_outgoing_emails",
                table: "outgoing_emails");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_order_summaries",
                table: "order_summaries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_contacts",
                table: "contacts");

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

            migrationBuilder.AddPrimaryKey(
                name: "pk_outgoing_emails",
                table: "outgoing_emails",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "pk_order_summaries",
                table: "order_summaries",
                column: "order_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_notifications",
                table: "notifications",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_contacts",
                table: "contacts",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outgoing_emails",
                table: "outgoing_emails");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_order_summaries",
                table: "order_summaries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letter_messages",
                table: "dead_letter_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_contacts",
                table: "contacts");

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

            migrationBuilder.AddPrimaryKey(
                name: "PK_outgoing_emails",
                table: "outgoing_emails",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_outbox_messages",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.AddPrimaryKey(
                name: "PK_order_summaries",
                table: "order_summaries",
                column: "OrderId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_notifications",
                table: "notifications",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_inbox_messages",
                table: "inbox_messages",
                columns: new[] { "event_id", "handler" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_dead_letter_messages",
                table: "dead_letter_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_contacts",
                table: "contacts",
                column: "UserId");
        }
    }
}
