using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Payments;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
