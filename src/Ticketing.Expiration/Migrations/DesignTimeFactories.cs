using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Expiration.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<ExpirationDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<ExpirationDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
