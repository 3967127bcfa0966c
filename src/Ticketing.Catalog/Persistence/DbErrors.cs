using System.Data.Common;

namespace Ticketing.Catalog.Persistence;

internal static class DbErrors
{
    /// <summary>SQLite reports SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555), PostgreSQL unique_violation (23505).</summary>
    public static bool IsUniqueViolation(Exception ex) => (ex as DbException ?? ex.InnerException as DbException) switch
    {
        { SqlState: "23505" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => true,
        _ => false,
    };
}
