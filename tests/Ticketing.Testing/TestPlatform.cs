using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Testing;

public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The server binary hosted in-memory for API tests, on a throwaway SQLite folder or on
/// fresh PostgreSQL databases (one per service), optionally over RabbitMQ.
/// </summary>
public sealed class TestPlatform : WebApplicationFactory<Program>
{
    private static readonly string[] AllServices = ["identity", "catalog", "ordering", "payments", "expiration", "notifications"];
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _postgresDatabases = [];

    public TestPlatform(TestProvider provider = TestProvider.Sqlite, bool rabbitMq = false, IEnumerable<string>? services = null)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "ticketing-tests", Guid.NewGuid().ToString("N"));
        _settings["Ticketing:DataDirectory"] = DataDirectory;
        // Fast retries keep dead-letter tests short; production uses the defaults.
        _settings["Messaging:HandlerRetryDelay"] = "00:00:00.020";
        _settings["Messaging:HandlerAttempts"] = "3";
        _settings["Identity:RateLimit:Enabled"] = "false";
        // Signing up is most of many tests' set-up; a cheaper (still salted PBKDF2) hash keeps the suite quick.
        _settings["Identity:PasswordIterations"] = PasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (services is not null)
        {
            _settings["Ticketing:Services"] = string.Join(",", services);
        }

        if (provider == TestProvider.PostgreSql)
        {
            foreach (var service in AllServices)
            {
                var connectionString = TestInfrastructure.NewPostgresDatabase(service);
                _postgresDatabases.Add(connectionString);
                _settings[$"ConnectionStrings:{service}"] = connectionString;
            }
        }

        if (rabbitMq)
        {
            RabbitPrefix = $"test-{Guid.NewGuid():N}";
            _settings["Messaging:Transport"] = "RabbitMq";
            _settings["Messaging:RabbitMq:Uri"] = TestInfrastructure.RabbitMqUri;
            _settings["Messaging:RabbitMq:Prefix"] = RabbitPrefix;
        }
    }

    /// <summary>PBKDF2 iterations of passwords hashed by test platforms (production default: 100,000).</summary>
    public const int PasswordIterations = 10_000;

    public TestProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>Exchange and queue prefix of this instance on the shared broker, when it uses RabbitMQ.</summary>
    public string? RabbitPrefix { get; }

    /// <summary>Overrides one configuration value; call before the first request.</summary>
    public TestPlatform With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs <paramref name="work"/> with a scoped service (a DbContext, typically).</summary>
    public async Task<TResult> WithScopeAsync<T, TResult>(Func<T, Task<TResult>> work)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _postgresDatabases)
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

        GC.SuppressFinalize(this);
    }

    internal static DatabaseProvider ToProvider(TestProvider provider) =>
        provider == TestProvider.PostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
}
