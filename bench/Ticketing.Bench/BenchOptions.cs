using System.Globalization;

namespace Ticketing.Bench;

/// <summary>Command-line flags (<c>--name value</c>); see bench/README.md for the meaning of each.</summary>
internal sealed class BenchOptions
{
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:5000/");
    public int Buyers { get; private set; } = 2000;
    public double AbandonShare { get; private set; } = 0.1;
    public double SeatShare { get; private set; } = 0.5;
    /// <summary>Minutes of waiting room the sale's event is published with; 0 orders directly.</summary>
    public int WaitingRoomMinutes { get; private set; }
    public int SignupParallelism { get; private set; } = 8;
    /// <summary>Units of one GA tier created on a second event after the sale (0: not measured).</summary>
    public int BigTier { get; private set; }
    /// <summary>Units of the sale's GA tier.</summary>
    public int GaUnits { get; private set; } = 10_000;
    /// <summary>Churn mode: seat orders pick among the first N seats only (0: all 1,000), to make them collide.</summary>
    public int HotSeats { get; private set; }
    /// <summary>Reservation attempts of the churn mode (<see cref="Churn"/>); 0 runs the stampede.</summary>
    public int Attempts { get; private set; }
    /// <summary>Churn mode: share of reservations that are paid; the rest are cancelled again.</summary>
    public double PayShare { get; private set; } = 0.02;
    /// <summary>Churn mode: live orders a buyer keeps before it cancels its oldest.</summary>
    public int Keep { get; private set; } = 2;
    public TimeSpan HoldDuration { get; private set; } = TimeSpan.FromSeconds(20);
    /// <summary>
    /// The platform's <c>Ordering:PaymentWindow</c>: a buyer whose checkout extended the hold but
    /// whose payment never started (a request aborted mid-way) holds the tickets that much longer.
    /// </summary>
    public TimeSpan PaymentWindow { get; private set; } = TimeSpan.FromMinutes(2);
    public string Topology { get; private set; } = "embedded";
    /// <summary>Embedded: the folder of the SQLite files.</summary>
    public string? SqliteDirectory { get; private set; }
    /// <summary>Distributed: Npgsql connection string without a database, plus the database prefix.</summary>
    public string? Postgres { get; private set; }
    public string DatabasePrefix { get; private set; } = "ticketing";
    /// <summary><c>name=pid</c> pairs, comma separated, or a folder of <c>*.pid</c> files.</summary>
    public string? Pids { get; private set; }
    public string? Wrk { get; private set; }
    public TimeSpan WrkDuration { get; private set; } = TimeSpan.FromSeconds(10);
    public int WrkConnections { get; private set; } = 64;
    public Uri? HelloUrl { get; private set; }
    public string? PgBin { get; private set; }
    public string PgbenchScript { get; private set; } = "bench/pgbench/reserve.sql";
    public int PgbenchClients { get; private set; } = 100;
    public string OutputDirectory { get; private set; } = "docs/benchmarks";
    public TimeSpan SettleTimeout { get; private set; } = TimeSpan.FromMinutes(3);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--url": o.BaseUrl = new Uri(Next().TrimEnd('/') + "/"); break;
                case "--buyers": o.Buyers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--abandon": o.AbandonShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seat-share": o.SeatShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--waiting-room-minutes": o.WaitingRoomMinutes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--big-tier": o.BigTier = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--signup-parallelism": o.SignupParallelism = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ga-units": o.GaUnits = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hot-seats": o.HotSeats = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--attempts": o.Attempts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pay-share": o.PayShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": o.Keep = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hold": o.HoldDuration = TimeSpan.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--payment-window": o.PaymentWindow = TimeSpan.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--topology": o.Topology = Next(); break;
                case "--sqlite": o.SqliteDirectory = Next(); break;
                case "--postgres": o.Postgres = Next(); break;
                case "--db-prefix": o.DatabasePrefix = Next(); break;
                case "--pids": o.Pids = Next(); break;
                case "--wrk": o.Wrk = Next(); break;
                case "--wrk-duration": o.WrkDuration = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--wrk-connections": o.WrkConnections = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hello-url": o.HelloUrl = new Uri(Next()); break;
                case "--pg-bin": o.PgBin = Next(); break;
                case "--pgbench-script": o.PgbenchScript = Next(); break;
                case "--pgbench-clients": o.PgbenchClients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": o.OutputDirectory = Next(); break;
                case "--settle-timeout": o.SettleTimeout = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown flag {name}");
            }
        }

        if (o.SqliteDirectory is null && o.Postgres is null)
        {
            throw new ArgumentException("give --sqlite <data folder> or --postgres <connection string> for the audit");
        }

        return o;
    }
}
