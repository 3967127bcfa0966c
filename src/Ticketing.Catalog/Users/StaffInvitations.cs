using Microsoft.EntityFrameworkCore;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Users;

/// <summary>
/// A staff invitation to an address nobody has registered yet. The answer to the organizer is
/// the same either way (so the endpoint tells nothing about who has an account); the invitation
/// turns into a <see cref="StaffMember"/> when that address registers.
/// </summary>
internal sealed class StaffInvitation
{
    /// <summary>An invitation left unclaimed this long is ignored, so an old typo never grants access.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid EventId { get; init; }

    /// <summary>Normalised like the user directory's addresses.</summary>
    public string Email { get; init; } = "";

    public DateTime InvitedAt { get; init; }
}

internal static class StaffInvitations
{
    /// <summary>Makes the newly registered user staff of every event that invited their address.</summary>
    public static async Task AcceptAsync(CatalogDbContext db, Guid userId, string normalisedEmail, DateTime now, CancellationToken cancellationToken)
    {
        var invitations = await db.StaffInvitations.Where(i => i.Email == normalisedEmail).ToListAsync(cancellationToken);
        if (invitations.Count == 0)
        {
            return;
        }

        var eventIds = invitations.Select(i => i.EventId).ToList();
        var already = await db.Staff.Where(s => s.UserId == userId && eventIds.Contains(s.EventId)).Select(s => s.EventId).ToListAsync(cancellationToken);
        var organized = await db.Events.Where(e => eventIds.Contains(e.Id) && e.OrganizerId == userId).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            if (now - invitation.InvitedAt <= StaffInvitation.Lifetime && !already.Contains(invitation.EventId) && !organized.Contains(invitation.EventId))
            {
                db.Staff.Add(new StaffMember { EventId = invitation.EventId, UserId = userId, AddedAt = now });
            }
        }

        db.StaffInvitations.RemoveRange(invitations);
    }
}
