namespace Ticketing.Ordering.Tests;

public sealed class SchemaTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Migrate_onFreshDatabase_matchesEfModel(TestProvider provider)
    {
        var (migrated, fromModel) = await SchemaComparer.DescribeBothAsync<OrderingDbContext>(provider);

        Assert.NotEmpty(migrated);
        Assert.Equal(fromModel, migrated);
    }
}
