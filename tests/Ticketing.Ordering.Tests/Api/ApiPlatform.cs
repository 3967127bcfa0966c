namespace Ticketing.Ordering.Tests.Api;

/// <summary>
/// One embedded platform and two signed-up buyers shared by the API tests: starting a host and
/// hashing passwords dominate their run time. Tests stay independent by seeding their own tickets.
/// </summary>
public sealed class ApiPlatform : IAsyncLifetime
{
    public TestPlatform Platform { get; } = new();

    public TestUser Buyer { get; private set; } = null!;

    public TestUser Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Buyer = await Platform.SignUpAsync();
        Other = await Platform.SignUpAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiPlatform>
{
    public const string Name = "ordering-api";
}
