using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Ordering.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<OrderingDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<OrderingDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
