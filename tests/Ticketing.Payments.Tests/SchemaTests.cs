namespace Ticketing.Payments.Tests;

public sealed class SchemaTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task Migrate_onFreshDatabase_matchesEfModel(TestProvider provider)
    {
        var (migrated, fromModel) = await SchemaComparer.DescribeBothAsync<PaymentsDbContext>(provider);

        Assert.NotEmpty(migrated);
        Assert.Equal(fromModel, migrated);
    }
}
