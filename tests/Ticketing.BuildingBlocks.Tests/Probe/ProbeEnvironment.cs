using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Tests.Probe;

/// <summary>
/// One probe database (SQLite folder or PostgreSQL database) and, optionally, a broker prefix,
/// shared by every host a test starts, the way restarted processes share them.
/// </summary>
public sealed class ProbeEnvironment : IAsyncDisposable
{
    private readonly string? _postgres;

    public ProbeEnvironment(TestProvider provider, bool rabbitMq)
    {
        Settings["Ticketing:DataDirectory"] = DataDirectory;
        Settings["Messaging:HandlerAttempts"] = "3";
        Settings["Messaging:HandlerRetryDelay"] = "00:00:00.020";
        Settings["Messaging:OutboxPollInterval"] = "00:00:00.200";
        if (provider == TestProvider.PostgreSql)
        {
            _postgres = TestInfrastructure.NewPostgresDatabase(ProbeHost.Service);
            Settings[$"ConnectionStrings:{ProbeHost.Service}"] = _postgres;
        }

        if (rabbitMq)
        {
            Prefix = $"test-{Guid.NewGuid():N}";
            Settings["Messaging:Transport"] = "RabbitMq";
            Settings["Messaging:RabbitMq:Uri"] = TestInfrastructure.RabbitMqUri;
            Settings["Messaging:RabbitMq:Prefix"] = Prefix;
        }
    }

    public Dictionary<string, string?> Settings { get; } = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ticketing-tests", Guid.NewGuid().ToString("N"));

    public string? Prefix { get; }

    /// <summary>Builds a host and brings its schema up to date, without starting it.</summary>
    public async Task<IHost> BuildAsync(bool consume = true)
    {
        var host = ProbeHost.Build(Settings, consume);
        await DatabaseMigrator.MigrateAllAsync(host.Services);
        return host;
    }

    public static async Task<T> QueryAsync<T>(IHost host, Func<ProbeDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    public static Task<int> CountOfAsync(IHost host, string key) =>
        QueryAsync(host, async db => (await db.Counters.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key))?.Count ?? 0);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await TestInfrastructure.DropPostgresDatabaseAsync(_postgres);
        }

        if (Prefix is not null)
        {
            await RabbitMqAdmin.DeleteTopologyAsync(Prefix, [ProbeHost.Service]);
        }
    }
}
