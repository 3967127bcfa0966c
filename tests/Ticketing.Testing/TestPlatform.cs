using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Hosting;
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
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ILoggerProvider> _loggers = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly TestStorage _storage;
    private readonly bool _ownsStorage;

    public TestPlatform(TestProvider provider = TestProvider.Sqlite, bool rabbitMq = false, IEnumerable<string>? services = null)
        : this(new TestStorage(provider, rabbitMq), services, ownsStorage: true)
    {
    }

    /// <summary>
    /// A platform on state the caller owns and disposes: start another one on the same storage
    /// to restart a service, or to run services as separate instances sharing databases and broker.
    /// </summary>
    public TestPlatform(TestStorage storage, IEnumerable<string>? services = null)
        : this(storage, services, ownsStorage: false)
    {
    }

    private TestPlatform(TestStorage storage, IEnumerable<string>? services, bool ownsStorage)
    {
        _storage = storage;
        _ownsStorage = ownsStorage;
        storage.ApplyTo(_settings);
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
    }

    /// <summary>PBKDF2 iterations of passwords hashed by test platforms (production default: 100,000).</summary>
    public const int PasswordIterations = 10_000;

    public TestProvider Provider => _storage.Provider;

    public string DataDirectory => _storage.DataDirectory;

    /// <summary>Exchange and queue prefix of this instance on the shared broker, when it uses RabbitMQ.</summary>
    public string? RabbitPrefix => _storage.RabbitPrefix;

    /// <summary>Overrides one configuration value; call before the first request.</summary>
    public TestPlatform With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds a logger provider (e.g. a <see cref="LogCapture"/>) at Information and above; call before the first request.</summary>
    public TestPlatform WithLogger(ILoggerProvider provider)
    {
        _loggers.Add(provider);
        return this;
    }

    /// <summary>Changes the platform's services after its own registrations (e.g. a trace exporter); call before the first request.</summary>
    public TestPlatform WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // In memory there is no port to call this process back on: calls a module makes to another
        // module of the same process go straight to the in-memory server instead.
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => sp.GetRequiredService<IServer>() is TestServer
                ? OwnAddress.Fixed(new Uri("http://localhost/"))
                : new OwnAddress(sp.GetRequiredService<PlatformOptions>(), sp.GetRequiredService<IServer>()));
            services.AddHttpClient(OwnAddress.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
                sp.GetRequiredService<IServer>() is TestServer server ? server.CreateHandler() : new SocketsHttpHandler());
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
        builder.ConfigureLogging(logging =>
        {
            foreach (var provider in _loggers)
            {
                logging.AddProvider(provider);
            }
        });
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
        if (_ownsStorage)
        {
            await _storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    internal static DatabaseProvider ToProvider(TestProvider provider) =>
        provider == TestProvider.PostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
}
