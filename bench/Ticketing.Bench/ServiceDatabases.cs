using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// Read-only access to each service's database, whichever the topology: the SQLite files of the
/// embedded server, or the PostgreSQL databases named <c>{prefix}_{service}</c>.
/// </summary>
internal sealed class ServiceDatabases(BenchOptions options)
{
    public static readonly string[] Services = ["identity", "catalog", "ordering", "payments", "expiration", "notifications"];

    public bool IsPostgres => options.Postgres is not null;

    public string ConnectionString(string service) => IsPostgres
        ? $"{options.Postgres};Database={options.DatabasePrefix}_{service}"
        : new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.SqliteDirectory!, $"{service}.db"),
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>
    /// A guid as a SQL literal: EF stores guids as upper-case text on SQLite and as uuid on
    /// PostgreSQL. Guids cannot carry quotes, so inlining them is safe.
    /// </summary>
    public string Id(Guid id) => IsPostgres ? $"'{id}'::uuid" : $"'{id.ToString().ToUpperInvariant()}'";

    public async Task<long> ScalarAsync(string service, string sql)
    {
        await using var connection = await OpenAsync(service);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> QueryAsync(string service, string sql)
    {
        await using var connection = await OpenAsync(service);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static Guid AsGuid(object? value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        byte[] b => new Guid(b),
        _ => throw new InvalidCastException($"not a guid: {value}"),
    };

    /// <summary>SQLite returns EF's timestamps as text without a zone; both providers store UTC.</summary>
    public static DateTime AsUtc(object? value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => throw new InvalidCastException($"not a timestamp: {value}"),
    };

    private async Task<DbConnection> OpenAsync(string service)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString(service))
            : new SqliteConnection(ConnectionString(service));
        await connection.OpenAsync();
        return connection;
    }
}
