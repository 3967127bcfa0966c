using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Identity;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
