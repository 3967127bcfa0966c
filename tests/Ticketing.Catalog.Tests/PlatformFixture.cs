namespace Ticketing.Catalog.Tests;

/// <summary>
/// One embedded platform shared by a test class: starting a host costs seconds, and every test
/// creates its own users, events and tickets, so they do not see each other's data.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    // Catalog tests sign up many users; password hashing strength is Identity's concern, not ours.
    public TestPlatform Platform { get; } = new TestPlatform().With("Identity:PasswordIterations", "1000");

    public Task InitializeAsync()
    {
        _ = Platform.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
