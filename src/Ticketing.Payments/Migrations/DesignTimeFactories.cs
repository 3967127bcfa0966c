using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Payments.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<PaymentsDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<PaymentsDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
