using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds a service's context for one provider (scripts/add-migration.sh):
/// the same options as at run time, on a database it never opens, as adding a migration only
/// compares the model with the provider's snapshot.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        var connectionString = provider == DatabaseProvider.PostgreSql ? "Host=localhost" : "Data Source=design-time.db";
        DatabaseSetup.Configure(options, provider, connectionString);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
