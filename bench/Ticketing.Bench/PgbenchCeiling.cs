using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// The database ceiling: pgbench runs the SQL one reservation issues (bench/pgbench/reserve.sql,
/// captured from EF's command log) as many times as the stampede sent orders, at the
/// concurrency the app can reach (its connection pool), against a scratch copy of Ordering's
/// schema holding a fresh 10,000-unit tier: the same sale, without HTTP, auth or EF.
/// </summary>
internal static partial class PgbenchCeiling
{
    /// <summary>The scratch tier the statements reserve from, as large as the default sale's GA tier.</summary>
    internal const int GaUnits = 10_000;

    public static async Task<(double Tps, int Clients, int Transactions)?> RunAsync(BenchOptions options, int transactions)
    {
        if (options.Postgres is null || options.PgBin is null)
        {
            return null;
        }

        var scratch = $"{options.DatabasePrefix}_pgbench";
        var server = new NpgsqlConnectionStringBuilder(options.Postgres);
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = server.Host!,
            ["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = server.Username ?? "postgres",
            ["PGPASSWORD"] = server.Password ?? "",
        };
        long free;
        await using (var admin = new NpgsqlConnection($"{options.Postgres};Database=postgres"))
        {
            await admin.OpenAsync();
            // The services' pools keep connections open; pgbench gets what is left.
            await using (var count = new NpgsqlCommand(
                "SELECT current_setting('max_connections')::int - (SELECT COUNT(*) FROM pg_stat_activity)", admin))
            {
                free = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }

            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE {scratch}");
        }

        var schema = await Tools.RunAsync(Path.Combine(options.PgBin, "pg_dump"),
            ["--schema-only", "--no-owner", "--no-privileges", "-d", $"{options.DatabasePrefix}_ordering"], env);
        // Newer pg_dump writes psql meta-commands (\restrict); the server only takes SQL.
        var sql = string.Join('\n', schema.Split('\n').Where(l => !l.StartsWith('\\')));
        var eventId = Guid.NewGuid();
        await using (var db = new NpgsqlConnection($"{options.Postgres};Database={scratch}"))
        {
            await db.OpenAsync();
            await ExecuteAsync(db, sql);
            await ExecuteAsync(db, "SELECT pg_catalog.set_config('search_path', 'public', false)");
            await ExecuteAsync(db,
                "INSERT INTO public.tickets (ticket_id, version, title, price_minor, currency, event_id, tier, seat, status, held_by_order_id) " +
                $"SELECT gen_random_uuid(), 1, 'Bench GA', 4550, 'EUR', '{eventId}', 'GA', NULL, 'available', NULL FROM generate_series(1, {PgbenchCeiling.GaUnits})");
            await ExecuteAsync(db, "ANALYZE");
        }

        var clients = (int)Math.Max(1, Math.Min(Math.Min(options.PgbenchClients, transactions), free - 10));
        var perClient = Math.Max(1, (int)Math.Ceiling(transactions / (double)clients));
        ProgressLine.Log($"pgbench: {clients} clients x {perClient} reservations against {scratch}");
        var output = await Tools.RunAsync(Path.Combine(options.PgBin, "pgbench"),
            ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-t", perClient.ToString(CultureInfo.InvariantCulture),
             "-D", $"event={eventId}", "-f", options.PgbenchScript, scratch], env);
        var tps = TpsLine().Match(output);
        ProgressLine.Log($"pgbench: {(tps.Success ? tps.Groups[1].Value : output)} tps");
        return tps.Success ? (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), clients, clients * perClient) : null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
