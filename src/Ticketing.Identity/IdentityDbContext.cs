using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Identity.Users;

namespace Ticketing.Identity;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ServiceDbContext(options)
{
    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(u => u.Email).HasColumnName("email").HasMaxLength(EmailAddress.MaxLength);
            e.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(500);
            e.Property(u => u.CreatedAt).HasColumnName("created_at");
            e.Property(u => u.FailedSignIns).HasColumnName("failed_sign_ins");
            e.Property(u => u.LockedUntil).HasColumnName("locked_until");
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_users_email");
        });
    }
}
