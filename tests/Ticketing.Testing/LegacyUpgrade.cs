using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Testing;

/// <summary>What a database built by the hand-written migrations looked like before and after the upgrade.</summary>
public sealed record UpgradeOutcome(
    IReadOnlyList<string> RowsBefore,
    IReadOnlyList<string> RowsAfter,
    IReadOnlyList<string> UpgradedSchema,
    IReadOnlyList<string> FreshSchema,
    IReadOnlyList<string> PendingAfter);

/// <summary>
/// Builds a service's database as the last release left it (the SQL its hand-written migrations
/// produced, kept in LegacySchemas/), puts two rows in every table, migrates it with today's
/// migrations and reads everything back. Column names are compared without case or underscores,
/// so a column moved to snake_case still counts as the same column.
/// </summary>
public static class LegacyUpgrade
{
    private const int RowsPerTable = 2;

    public static async Task<UpgradeOutcome> RunAsync<TContext>(TestProvider provider, string service, string legacyHead)
        where TContext : ServiceDbContext
    {
        var legacy = SchemaComparer.NewDatabase(provider, $"legacy_{service}");
        var fresh = SchemaComparer.NewDatabase(provider, $"fresh_{service}");
        var database = new ServiceDatabase(service, typeof(TContext), TestPlatform.ToProvider(provider), legacyHead);
        try
        {
            if (provider == TestProvider.PostgreSql)
            {
                await using var creator = SchemaComparer.Create<TContext>(provider, legacy);
                await creator.GetService<IRelationalDatabaseCreator>().CreateAsync();
            }

            await using (var connection = Open(provider, legacy))
            {
                await ExecuteAsync(connection, LegacyScript(service, provider));
                await FillAsync(connection, provider);
            }

            var before = await ReadRowsAsync(provider, legacy);
            var legacyColumns = await ColumnKeysAsync(provider, legacy);
            IReadOnlyList<string> pending;
            await using (var upgraded = SchemaComparer.Create<TContext>(provider, legacy))
            {
                await DatabaseMigrator.MigrateAsync(upgraded, database);
                pending = (await upgraded.Database.GetPendingMigrationsAsync()).ToList();
            }

            await using (var created = SchemaComparer.Create<TContext>(provider, fresh))
            {
                await DatabaseMigrator.MigrateAsync(created, database);
            }

            return new UpgradeOutcome(before, await ReadRowsAsync(provider, legacy, legacyColumns),
                await SchemaComparer.DescribeAsync(provider, legacy), await SchemaComparer.DescribeAsync(provider, fresh), pending);
        }
        finally
        {
            if (provider == TestProvider.PostgreSql)
            {
                await TestInfrastructure.DropPostgresDatabaseAsync(legacy);
                await TestInfrastructure.DropPostgresDatabaseAsync(fresh);
            }
        }
    }

    private static string LegacyScript(string service, TestProvider provider)
    {
        var name = $"Ticketing.Testing.LegacySchemas.{service}.{(provider == TestProvider.PostgreSql ? "postgresql" : "sqlite")}.sql";
        using var stream = typeof(LegacyUpgrade).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no legacy schema {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static DbConnection Open(TestProvider provider, string connectionString)
    {
        DbConnection connection = provider == TestProvider.PostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Row <c>n</c> gives every uuid column the same value, so a foreign key finds its parent's
    /// row once the parent table is filled; tables whose insert fails are retried after the rest.
    /// </summary>
    private static async Task FillAsync(DbConnection connection, TestProvider provider)
    {
        var tables = await ColumnsAsync(connection, provider);
        var waiting = tables.Keys.ToList();
        while (waiting.Count > 0)
        {
            var failed = new List<string>();
            foreach (var table in waiting)
            {
                var columns = tables[table];
                var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
                var slots = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
                try
                {
                    for (var row = 0; row < RowsPerTable; row++)
                    {
                        await ExecuteAsync(connection, $"INSERT INTO \"{table}\" ({names}) VALUES ({slots})",
                            columns.Select(c => ValueFor(c.Type, row)).ToArray());
                    }
                }
                catch (DbException e) when (IsMissingParent(e))
                {
                    failed.Add(table);
                }
            }

            if (failed.Count == waiting.Count)
            {
                throw new InvalidOperationException($"cannot fill {string.Join(", ", failed)}: their foreign keys form a cycle");
            }

            waiting = failed;
        }
    }

    private static bool IsMissingParent(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation }
        || e is SqliteException { SqliteErrorCode: 19 } && e.Message.Contains("FOREIGN KEY", StringComparison.Ordinal);

    private static object ValueFor(string type, int row) => type.ToLowerInvariant() switch
    {
        "uuid" => new Guid(row + 1, 0, 0, new byte[8]),
        "integer" => row + 1,
        "bigint" => (long)row + 1,
        "smallint" => (short)(row + 1),
        "boolean" => row % 2 == 0,
        "timestamp with time zone" => new DateTime(2026, 1, 1, 12, row, 0, DateTimeKind.Utc),
        "bytea" or "blob" => new byte[] { (byte)row, 1, 2 },
        "numeric" or "real" or "double precision" => 1.5m + row,
        _ => $"r{row}",
    };

    private static async Task<Dictionary<string, List<(string Name, string Type)>>> ColumnsAsync(DbConnection connection, TestProvider provider)
    {
        var sql = provider == TestProvider.PostgreSql
            ? "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY table_name, ordinal_position"
            : "SELECT m.name, c.name, c.type FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__EFMigrationsHistory' ORDER BY m.name, c.cid";
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, List<(string, string)>>();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            (tables.TryGetValue(table, out var columns) ? columns : tables[table] = []).Add((reader.GetString(1), reader.GetString(2)));
        }

        return tables;
    }

    /// <summary>
    /// One sorted line per row: its table, then each column (name without case or underscores) and
    /// value. With <paramref name="only"/>, the columns of the last release: one added since holds
    /// nothing an old row had.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReadRowsAsync(TestProvider provider, string connectionString, IReadOnlySet<string>? only = null)
    {
        await using var connection = Open(provider, connectionString);
        var lines = new List<string>();
        foreach (var table in (await ColumnsAsync(connection, provider)).Keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => (Column: Normalise(reader.GetName(i)), Value: reader.GetValue(i)))
                    .Where(cell => only is null || only.Contains($"{table}.{cell.Column}"))
                    .Select(cell => $"{cell.Column}={Format(cell.Value)}")
                    .Order(StringComparer.Ordinal);
                lines.Add($"{table}: {string.Join(", ", cells)}");
            }
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static string Normalise(string column) => column.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static async Task<IReadOnlySet<string>> ColumnKeysAsync(TestProvider provider, string connectionString)
    {
        await using var connection = Open(provider, connectionString);
        return (await ColumnsAsync(connection, provider))
            .SelectMany(table => table.Value.Select(column => $"{table.Key}.{Normalise(column.Name)}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Format(object value) => value switch
    {
        DBNull => "null",
        DateTime at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
