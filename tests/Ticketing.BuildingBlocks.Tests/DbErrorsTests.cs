using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Tests;

/// <summary>
/// Only a unique or primary-key violation is a conflict the database proved; any other constraint
/// failure must not be turned into a 409 or a duplicate.
/// </summary>
public sealed class DbErrorsTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task IsUniqueViolation_duplicatePrimaryKeyOrUniqueValue_isTrueButOtherConstraintsAreNot(TestProvider provider)
    {
        await using DbConnection connection = provider == TestProvider.PostgreSql
            ? new NpgsqlConnection(TestInfrastructure.PostgresServer)
            : new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        // A temporary table lives as long as this connection, so nothing is left on the server.
        await ExecuteAsync(connection, "CREATE TEMP TABLE probe (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)");
        await ExecuteAsync(connection, "INSERT INTO probe (id, code) VALUES (1, 'a')");

        Assert.True(DbErrors.IsUniqueViolation(await FailAsync(connection, "INSERT INTO probe (id, code) VALUES (1, 'b')")));
        Assert.True(DbErrors.IsUniqueViolation(await FailAsync(connection, "INSERT INTO probe (id, code) VALUES (2, 'a')")));
        Assert.False(DbErrors.IsUniqueViolation(await FailAsync(connection, "INSERT INTO probe (id, code) VALUES (3, NULL)")));
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<DbException> FailAsync(DbConnection connection, string sql) =>
        Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, sql));
}
