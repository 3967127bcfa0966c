using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Notifications.Email;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications;

public abstract class NotificationsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0003_HandlersNamedAfterActions";

    public DbSet<UserContact> Contacts => Set<UserContact>();

    public DbSet<OrderSummary> Orders => Set<OrderSummary>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> Emails => Set<OutgoingEmail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<UserContact>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(c => c.UserId);
            e.Property(c => c.Email).HasMaxLength(320);
        });
        modelBuilder.Entity<OrderSummary>(e =>
        {
            e.ToTable("order_summaries");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.Currency).HasMaxLength(3);
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(200);
            e.HasIndex(n => new { n.UserId, n.CreatedAt });
        });
        modelBuilder.Entity<OutgoingEmail>(e =>
        {
            e.ToTable("outgoing_emails");
            e.HasKey(m => m.Id);
            e.Property(m => m.Subject).HasMaxLength(200);
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : NotificationsDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : NotificationsDbContext(options);
}
