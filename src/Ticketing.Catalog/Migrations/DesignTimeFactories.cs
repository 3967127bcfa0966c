using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Catalog.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<CatalogDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<CatalogDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
