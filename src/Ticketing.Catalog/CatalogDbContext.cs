using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Catalog;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
