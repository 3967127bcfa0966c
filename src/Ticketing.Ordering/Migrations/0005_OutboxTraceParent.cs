using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.Ordering.Migrations;

/// <summary>The trace context of the activity that recorded each outbox row (ADR 14).</summary>
[DbContext(typeof(OrderingDbContext))]
[Migration("0005_OutboxTraceParent")]
public sealed class OutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxTraceParent();
}
