using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Catalog.Persistence;

/// <summary>
/// Fast INSERTs for large generated inventories, where change tracking and one round trip per row
/// made 10,000 tickets plus their outbox rows take many seconds. Table, columns and value
/// conversions come from the EF model, so rows are stored exactly as SaveChanges would store them.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Parameters per PostgreSQL statement: a few hundred rows per round trip, far below its limit.
    /// SQLite instead gets one row per statement, prepared once and re-bound: it runs in-process, so
    /// there is no round trip to save, and Microsoft.Data.Sqlite looks parameters up by name in
    /// linear time, which makes big multi-row statements quadratic.
    /// </summary>
    private const int PostgresParameters = 4_000;

    /// <summary>Inserts <paramref name="rows"/> on the context's open transaction; store-generated columns are left to the database.</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        var getters = columns.Select(c => c.GetGetter()).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside the caller's transaction");
        if (typeof(T) == typeof(OutboxMessage) && db is ServiceDbContext service)
        {
            service.NoteOutboxWritten();
        }

        var rowsPerStatement = db.Database.IsNpgsql() ? Math.Max(1, PostgresParameters / columns.Count) : 1;

        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = Create(transaction, header, chunk.Length, columns, mappings);
                    await command.PrepareAsync(cancellationToken);
                }

                for (var r = 0; r < chunk.Length; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = getters[c].GetClrValue(chunk[r]);
                        var converter = mappings[c].Converter;
                        command.Parameters[r * columns.Count + c].Value =
                            (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static DbCommand Create(DbTransaction transaction, string header, int rowCount, List<IProperty> columns, List<RelationalTypeMapping> mappings)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(header);
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                text.Append(c == 0 ? name : ", " + name);
                // Created with a null value only to get the provider's type settings (e.g. SQLite stores Guids as text).
                command.Parameters.Add(mappings[c].CreateParameter(command, name, null, columns[c].IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }
}
