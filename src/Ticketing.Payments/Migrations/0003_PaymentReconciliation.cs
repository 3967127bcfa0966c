using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Payments.Migrations;

/// <summary>The sandbox's own payment records and the index the pending-payment reconciler reads.</summary>
[DbContext(typeof(PaymentsDbContext))]
[Migration("0003_PaymentReconciliation")]
public sealed class PaymentReconciliation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sandbox_intents",
            columns: table => new
            {
                intent_id = table.Column<string>(maxLength: 255, nullable: false),
                payment_id = table.Column<Guid>(nullable: false),
                amount_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                outcome = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_sandbox_intents", i => i.intent_id));
        migrationBuilder.CreateIndex("ux_sandbox_intents_payment_id", "sandbox_intents", "payment_id", unique: true);
        migrationBuilder.CreateIndex("ix_payments_pending_updated_at", "payments", "updated_at", filter: "status = 'pending'");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_payments_pending_updated_at", "payments");
        migrationBuilder.DropTable("sandbox_intents");
    }
}
