using Npgsql;

namespace Ticketing.Testing;

/// <summary>
/// The real servers the test command starts (scripts/test.sh). Tests that need one fail with
/// a clear message when it is missing rather than silently skipping.
/// </summary>
public static class TestInfrastructure
{
    public const string PostgresVariable = "TICKETING_TEST_POSTGRES";
    public const string RabbitMqVariable = "TICKETING_TEST_RABBITMQ";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    public static string RabbitMqUri =>
        Environment.GetEnvironmentVariable(RabbitMqVariable)
        ?? throw new InvalidOperationException($"{RabbitMqVariable} is not set: run the tests with scripts/test.sh, which starts RabbitMQ.");

    /// <summary>Connection string of a database that only this test uses (created on first migrate).</summary>
    public static string NewPostgresDatabase(string service) =>
        new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = $"t_{Guid.NewGuid():N}_{service}"[..Math.Min(60, 35 + service.Length)],
            // Tests open many short-lived hosts; small pools keep the server under max_connections.
            MaxPoolSize = 20,
            // A CI machine with two cores running several suites can be slow to accept a connection.
            Timeout = 60,
            CommandTimeout = 120,
        }.ToString();

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Timeout = 60, CommandTimeout = 120 }.ToString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
