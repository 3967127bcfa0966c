using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Expiration;

public sealed class ExpirationDbContext(DbContextOptions<ExpirationDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
