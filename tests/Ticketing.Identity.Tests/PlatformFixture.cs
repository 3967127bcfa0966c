namespace Ticketing.Identity.Tests;

/// <summary>One embedded platform shared by a test class; tests stay independent by using fresh emails.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestPlatform Platform { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
