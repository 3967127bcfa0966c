namespace Ticketing.Catalog.Tests;

/// <summary>
/// One embedded platform shared by a test class: starting a host costs seconds, and every test
/// creates its own users, events and tickets, so they do not see each other's data.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public PlatformFixture()
        : this(TestProvider.Sqlite)
    {
    }

    protected PlatformFixture(TestProvider provider)
    {
        // Catalog tests sign up many users; password hashing strength is Identity's concern, not ours.
        Platform = new TestPlatform(provider).With("Identity:PasswordIterations", "1000");
    }

    public TestPlatform Platform { get; }

    public Task InitializeAsync()
    {
        _ = Platform.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>The same on fresh PostgreSQL databases, where bulk inserts and row locking take other code paths.</summary>
public sealed class PostgresPlatformFixture : PlatformFixture
{
    public PostgresPlatformFixture()
        : base(TestProvider.PostgreSql)
    {
    }
}
