using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Testing;

/// <summary>
/// Proves a service's migrations produce exactly the schema its EF model
/// expects: one database is built by the migrations, another by EF straight from the model,
/// and their tables, columns, keys and indexes are compared.
/// </summary>
public static class SchemaComparer
{
    public static async Task<(IReadOnlyList<string> Migrated, IReadOnlyList<string> FromModel)> DescribeBothAsync<TContext>(TestProvider provider)
        where TContext : ServiceDbContext
    {
        var migratedConnection = NewDatabase(provider, "migrated");
        var modelConnection = NewDatabase(provider, "model");
        try
        {
            await using (var migrated = Create<TContext>(provider, migratedConnection))
            {
                await migrated.Database.MigrateAsync();
            }

            await using (var fromModel = Create<TContext>(provider, modelConnection))
            {
                await fromModel.Database.EnsureCreatedAsync();
            }

            return (await DescribeAsync(provider, migratedConnection), await DescribeAsync(provider, modelConnection));
        }
        finally
        {
            if (provider == TestProvider.PostgreSql)
            {
                await TestInfrastructure.DropPostgresDatabaseAsync(migratedConnection);
                await TestInfrastructure.DropPostgresDatabaseAsync(modelConnection);
            }
        }
    }

    internal static string NewDatabase(TestProvider provider, string name)
    {
        if (provider == TestProvider.PostgreSql)
        {
            return TestInfrastructure.NewPostgresDatabase(name);
        }

        var directory = Directory.CreateTempSubdirectory("ticketing-schema-").FullName;
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, $"{name}.db"), Pooling = false }.ToString();
    }

    /// <summary>The service's context on <paramref name="provider"/>: its nested per-provider subclass, which owns that provider's migrations.</summary>
    internal static TContext Create<TContext>(TestProvider provider, string connectionString)
        where TContext : ServiceDbContext
    {
        var type = typeof(TContext).GetNestedType(provider == TestProvider.PostgreSql ? "OnPostgreSql" : "OnSqlite")
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no per-provider subclass");
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        DatabaseSetup.Configure(options, TestPlatform.ToProvider(provider), connectionString);
        return (TContext)Activator.CreateInstance(type, options.Options)!;
    }

    /// <summary>One sorted line per column, key and index, ignoring EF's own bookkeeping tables.</summary>
    internal static async Task<IReadOnlyList<string>> DescribeAsync(TestProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == TestProvider.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = provider == TestProvider.PostgreSql
            ? await QueryLinesAsync(connection, PostgresSchemaQuery)
            : await DescribeSqliteAsync(connection);
        return lines.Where(l => !l.StartsWith("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private const string PostgresSchemaQuery = """
        SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
               || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END
               || coalesce(' default ' || column_default, '') || coalesce(' identity ' || identity_generation, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT tablename || ' index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT tc.table_name || ' constraint ' || tc.constraint_type || ' ' || tc.constraint_name
        FROM information_schema.table_constraints tc WHERE tc.table_schema = 'public' AND tc.constraint_type <> 'CHECK'
        """;

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in await QueryLinesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            lines.AddRange(await QueryLinesAsync(connection,
                $"SELECT '{table}.' || name || ' ' || type || CASE WHEN \"notnull\" THEN ' not null' ELSE ' null' END || ' pk' || pk || coalesce(' default ' || dflt_value, '') FROM pragma_table_info('{table}')"));
            lines.AddRange(await QueryLinesAsync(connection,
                $"SELECT '{table} index ' || coalesce(sql, name) FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}'"));
            lines.AddRange(await QueryLinesAsync(connection,
                $"SELECT '{table} fk ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}')"));
        }

        return lines;
    }

    internal static async Task<List<string>> QueryLinesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
