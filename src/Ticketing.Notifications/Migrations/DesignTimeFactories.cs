using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Notifications.Migrations;

internal sealed class SqliteDesignTimeFactory() : DesignTimeContextFactory<NotificationsDbContext.OnSqlite>(DatabaseProvider.Sqlite);

internal sealed class PostgreSqlDesignTimeFactory() : DesignTimeContextFactory<NotificationsDbContext.OnPostgreSql>(DatabaseProvider.PostgreSql);
