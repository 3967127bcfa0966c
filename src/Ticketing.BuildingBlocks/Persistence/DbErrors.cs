using System.Data.Common;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// Tells a conflict the database proved from any other failure, so only the former becomes a 409
/// or a duplicate; a broken connection propagates and is answered as an outage (503).
/// </summary>
public static class DbErrors
{
    /// <summary>SQLite reports SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555), PostgreSQL unique_violation (23505).</summary>
    public static bool IsUniqueViolation(Exception ex) => (ex as DbException ?? ex.InnerException as DbException) switch
    {
        { SqlState: "23505" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => true,
        _ => false,
    };
}
