using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Notifications;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
