namespace Ticketing.Identity.Tests;

public sealed class SchemaTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Migrate_onFreshDatabase_matchesEfModel(TestProvider provider)
    {
        var (migrated, fromModel) = await SchemaComparer.DescribeBothAsync<IdentityDbContext>(provider);

        Assert.NotEmpty(migrated);
        Assert.Equal(fromModel, migrated);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Migrate_onDatabaseOfLastRelease_keepsEveryRowAndReachesTheFreshSchema(TestProvider provider)
    {
        var upgrade = await LegacyUpgrade.RunAsync<IdentityDbContext>(provider, "identity", IdentityDbContext.LegacyHead);

        Assert.NotEmpty(upgrade.RowsBefore);
        Assert.Equal(upgrade.RowsBefore, upgrade.RowsAfter);
        Assert.Equal(upgrade.FreshSchema, upgrade.UpgradedSchema);
        Assert.Empty(upgrade.PendingAfter);
    }
}
