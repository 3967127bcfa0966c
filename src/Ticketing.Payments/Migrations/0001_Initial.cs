using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Payments.Migrations;

[DbContext(typeof(PaymentsDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateMessagingTables();
        migrationBuilder.CreateTable(
            name: "payments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                order_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                provider = table.Column<string>(maxLength: 20, nullable: false),
                provider_payment_id = table.Column<string>(maxLength: 255, nullable: true),
                status = table.Column<string>(maxLength: 20, nullable: false),
                amount_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                client_secret = table.Column<string>(maxLength: 500, nullable: true),
                attempt = table.Column<int>(nullable: false),
                failure_code = table.Column<string>(maxLength: 100, nullable: true),
                refund_id = table.Column<string>(maxLength: 255, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_payments", p => p.id));
        migrationBuilder.CreateIndex("ux_payments_order_attempt", "payments", ["order_id", "attempt"], unique: true);
        migrationBuilder.CreateIndex("ix_payments_provider_payment_id", "payments", "provider_payment_id");

        migrationBuilder.CreateTable(
            name: "order_replicas",
            columns: table => new
            {
                order_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                total_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
                paid_payment_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_order_replicas", o => o.order_id));

        migrationBuilder.CreateTable(
            name: "processed_provider_events",
            columns: table => new
            {
                event_id = table.Column<string>(maxLength: 255, nullable: false),
                provider = table.Column<string>(maxLength: 20, nullable: false),
                type = table.Column<string>(maxLength: 100, nullable: false),
                processed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_processed_provider_events", e => e.event_id));

        migrationBuilder.CreateTable(
            name: "idempotency_records",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 255, nullable: false),
                request_hash = table.Column<string>(maxLength: 64, nullable: false),
                status_code = table.Column<int>(nullable: true),
                content_type = table.Column<string>(maxLength: 100, nullable: true),
                body = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_idempotency_records", r => new { r.user_id, r.key }));
    }
}
