using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>) on every connection.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite sets no busy timeout: on SQLITE_BUSY it sleeps 150 ms and retries until the
/// command timeout. Under a stampede nearly every writer met a busy lock, so most of the time went to
/// those sleeps (44.9 % of thread time in the profile) while the lock itself was free again within a
/// millisecond. SQLite's own handler retries after 1, 2, 5, 10 ... ms. The driver's loop stays as the
/// last resort once this timeout has passed.
/// </remarks>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // A PRAGMA on an open local connection completes synchronously; nothing to await.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }
}
