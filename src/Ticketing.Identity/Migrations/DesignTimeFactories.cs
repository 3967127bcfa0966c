using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Identity.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<IdentityDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<IdentityDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
