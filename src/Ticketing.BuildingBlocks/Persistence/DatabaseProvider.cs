namespace Ticketing.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>What the host knows about one service's database: used by migrations, health checks and relays.</summary>
public sealed record ServiceDatabase(string Service, Type ContextType, DatabaseProvider Provider, string? LegacyHead = null);
