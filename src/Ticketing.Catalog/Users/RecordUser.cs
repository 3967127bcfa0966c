using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Users;

/// <summary>Keeps the user directory that transfers and staff invitations look e-mail addresses up in, and turns pending invitations into staff.</summary>
internal sealed class RecordUser(CatalogDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken cancellationToken)
    {
        var email = Normalise(integrationEvent.Email);
        var entry = await db.Users.FirstOrDefaultAsync(u => u.Id == integrationEvent.UserId, cancellationToken);
        if (entry is null)
        {
            db.Users.Add(new UserEntry { Id = integrationEvent.UserId, Email = email });
        }
        else
        {
            entry.Email = email;
        }

        await db.SaveChangesAsync(cancellationToken);

        // After the user is committed: an invitation racing with this event either is seen here or
        // sees the user in the directory itself (EventStaff re-checks after saving it).
        await StaffInvitations.AcceptAsync(db, integrationEvent.UserId, email, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Identity's normalisation, so lookups by a typed address match however it was spelt.</summary>
    public static string Normalise(string email) => EmailNormalisation.Normalise(email);
}

internal static class UserDirectory
{
    public static Task<UserEntry?> FindByEmailAsync(CatalogDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalised = RecordUser.Normalise(email);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalised, cancellationToken);
    }

}
