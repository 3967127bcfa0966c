using Microsoft.EntityFrameworkCore.Migrations;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>Migration steps EF's tools do not generate.</summary>
public static class MigrationBuilderExtensions
{
    /// <summary>
    /// Renames a PostgreSQL primary or foreign key (and the index behind it) in place. EF's tools
    /// turn a key's new name into a drop and an add, which rebuilds the index under a lock and
    /// re-validates every row of a foreign key; a rename only changes the catalog.
    /// </summary>
    public static void RenameConstraint(this MigrationBuilder migrationBuilder, string table, string name, string newName) =>
        migrationBuilder.Sql($"ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{name}\" TO \"{newName}\";");
}
