namespace Ticketing.Testing;

/// <summary>
/// The state a platform runs on (data folder, one PostgreSQL database per service, a broker
/// prefix), kept apart from any one <see cref="TestPlatform"/> so that a test can restart a
/// service on the same state or run services as separate instances that share it. Whoever
/// creates it disposes it, after the platforms that use it.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    internal static readonly string[] AllServices = ["identity", "catalog", "ordering", "payments", "expiration", "notifications"];
    private readonly Dictionary<string, string> _connectionStrings = new(StringComparer.OrdinalIgnoreCase);

    public TestStorage(TestProvider provider = TestProvider.Sqlite, bool rabbitMq = false)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "ticketing-tests", Guid.NewGuid().ToString("N"));
        if (provider == TestProvider.PostgreSql)
        {
            foreach (var service in AllServices)
            {
                _connectionStrings[service] = TestInfrastructure.NewPostgresDatabase(service);
            }
        }

        if (rabbitMq)
        {
            RabbitPrefix = $"test-{Guid.NewGuid():N}";
        }
    }

    public TestProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>Exchange and queue prefix on the shared broker, when RabbitMQ is used.</summary>
    public string? RabbitPrefix { get; }

    /// <summary>PostgreSQL connection string per service; empty on SQLite.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings => _connectionStrings;

    internal void ApplyTo(IDictionary<string, string?> settings)
    {
        settings["Ticketing:DataDirectory"] = DataDirectory;
        foreach (var (service, connectionString) in _connectionStrings)
        {
            settings[$"ConnectionStrings:{service}"] = connectionString;
        }

        if (RabbitPrefix is not null)
        {
            settings["Messaging:Transport"] = "RabbitMq";
            settings["Messaging:RabbitMq:Uri"] = TestInfrastructure.RabbitMqUri;
            settings["Messaging:RabbitMq:Prefix"] = RabbitPrefix;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _connectionStrings.Values)
        {
            await TestInfrastructure.DropPostgresDatabaseAsync(database);
        }

        if (RabbitPrefix is not null)
        {
            await RabbitMqAdmin.DeleteTopologyAsync(RabbitPrefix, AllServices);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
