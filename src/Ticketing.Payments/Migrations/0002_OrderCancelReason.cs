using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.Payments.Migrations;

/// <summary>Why a replicated order was cancelled, so that a refused payment can say so.</summary>
[DbContext(typeof(PaymentsDbContext))]
[Migration("0002_OrderCancelReason")]
public sealed class OrderCancelReason : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "cancel_reason", table: "order_replicas", maxLength: 40, nullable: true);
}
