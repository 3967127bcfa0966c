using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// Queues this process's writers to one SQLite file on an async gate, one at a time, before they
/// ask SQLite for the file's write lock.
/// </summary>
/// <remarks>
/// SQLite has one write lock per file, and Microsoft.Data.Sqlite's async methods run synchronously:
/// a writer waiting for the lock (<c>busy_timeout</c>) blocks a thread-pool thread. Under a stampede
/// most of the pool sat in BEGIN IMMEDIATE (profile: 8 of 8 worker threads, 40-50 % of their time),
/// so the one writer holding the lock, the event handlers and the HTTP stack waited for a thread
/// while the pool grew by one thread a second. Waiting here costs no thread. The gate takes a
/// transaction from its start (BEGIN IMMEDIATE takes the lock there) to its commit, rollback or the
/// connection's close (a transaction disposed without either), and a write statement outside a
/// transaction for its own execution. Reads never wait: WAL readers do not block writers. Other
/// processes on the same file (a migration, a second instance) are still arbitrated by SQLite's
/// busy timeout, and a writer that waits here longer than <paramref name="maxWait"/> goes on to it.
/// Writers that finish accepted work (<see cref="WritePriority"/>) go before the others.
/// </remarks>
internal sealed class SqliteWriteGate(TimeSpan maxWait) : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly ConcurrentDictionary<string, PriorityGate> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a connection holds, if any; weak so a leaked connection cannot pin it.</summary>
    private readonly ConditionalWeakTable<DbConnection, PriorityGate> _held = [];

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData);

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveLoneWrite(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!);
        }

        return result;
    }

    /// <summary>A write statement's lock lasts until its reader (INSERT ... RETURNING) is done.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveLoneWrite(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveLoneWrite(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command);
        return Task.CompletedTask;
    }

    private static bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && StartsWithWrite(command.CommandText);

    private static bool StartsWithWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private void LeaveLoneWrite(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Leave(connection);
        }
    }

    private async Task EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_held.TryGetValue(connection, out _))
        {
            return;
        }

        var gate = GateOf(connection);
        if (await gate.EnterAsync(WritePriority.IsFinishingWork, maxWait, cancellationToken))
        {
            _held.AddOrUpdate(connection, gate);
        }
    }

    private void Enter(DbConnection connection)
    {
        if (_held.TryGetValue(connection, out _))
        {
            return;
        }

        var gate = GateOf(connection);
        // Only EF's synchronous API comes here (none of the services' code paths); it blocks like SQLite would.
        if (gate.EnterAsync(WritePriority.IsFinishingWork, maxWait, CancellationToken.None).GetAwaiter().GetResult())
        {
            _held.AddOrUpdate(connection, gate);
        }
    }

    private Task Left(TransactionEventData eventData)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    /// <summary>A finished transaction no longer names its connection; its context still does.</summary>
    private void Leave(TransactionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Leave(context.Database.GetDbConnection());
        }
    }

    private void Leave(DbConnection connection)
    {
        if (_held.TryGetValue(connection, out var gate) && _held.Remove(connection))
        {
            gate.Release();
        }
    }

    private static PriorityGate GateOf(DbConnection connection) =>
        Gates.GetOrAdd(connection.DataSource, static _ => new PriorityGate());
}
