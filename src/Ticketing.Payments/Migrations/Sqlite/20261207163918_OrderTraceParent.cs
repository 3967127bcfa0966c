using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "order_replicas",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "order_replicas");
        }
    }
}
