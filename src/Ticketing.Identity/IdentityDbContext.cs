using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Identity.External;
using Ticketing.Identity.Users;

namespace Ticketing.Identity;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ServiceDbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<ExternalUser> ExternalUsers => Set<ExternalUser>();

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
        modelBuilder.Entity<ExternalUser>(e =>
        {
            e.ToTable("external_users");
            e.HasKey(u => u.UserId);
            e.Property(u => u.UserId).HasColumnName("user_id").ValueGeneratedNever();
            e.Property(u => u.Issuer).HasColumnName("issuer").HasMaxLength(ExternalUser.IssuerMaxLength);
            e.Property(u => u.Subject).HasColumnName("subject").HasMaxLength(ExternalUser.SubjectMaxLength);
            e.Property(u => u.Email).HasColumnName("email").HasMaxLength(EmailAddress.MaxLength);
            e.Property(u => u.CreatedAt).HasColumnName("created_at");
            e.HasIndex(u => new { u.Issuer, u.Subject }).IsUnique().HasDatabaseName("ux_external_users_issuer_subject");
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ux_external_users_email");
        });
    }
}
