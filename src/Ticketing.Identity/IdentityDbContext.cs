using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Identity.External;
using Ticketing.Identity.Users;

namespace Ticketing.Identity;

public abstract class IdentityDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    /// <summary>The last hand-written migration this service shipped; databases at it are adopted by the generated ones.</summary>
    public const string LegacyHead = "0003_OutboxTraceParent";

    public DbSet<User> Users => Set<User>();

    public DbSet<ExternalUser> ExternalUsers => Set<ExternalUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength);
            e.Property(u => u.PasswordHash).HasMaxLength(500);
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_users_email");
        });
        modelBuilder.Entity<ExternalUser>(e =>
        {
            e.ToTable("external_users");
            e.HasKey(u => u.UserId);
            e.Property(u => u.UserId).ValueGeneratedNever();
            e.Property(u => u.Issuer).HasMaxLength(ExternalUser.IssuerMaxLength);
            e.Property(u => u.Subject).HasMaxLength(ExternalUser.SubjectMaxLength);
            e.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength);
            e.HasIndex(u => new { u.Issuer, u.Subject }).IsUnique().HasDatabaseName("ux_external_users_issuer_subject");
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_external_users_email");
        });
    }

    /// <summary>The context on SQLite, with its own migrations (Migrations/Sqlite).</summary>
    public sealed class OnSqlite(DbContextOptions<OnSqlite> options) : IdentityDbContext(options);

    /// <summary>The context on PostgreSQL, with its own migrations (Migrations/PostgreSql).</summary>
    public sealed class OnPostgreSql(DbContextOptions<OnPostgreSql> options) : IdentityDbContext(options);
}
