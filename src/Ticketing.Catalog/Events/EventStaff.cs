using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;
using Ticketing.Catalog.Users;

namespace Ticketing.Catalog.Events;

internal sealed record StaffRequest(string? Email);

internal sealed record StaffResponse(Guid UserId, string? Email, DateTime AddedAt);

/// <summary>The one answer to an invitation, whether or not the address has an account yet.</summary>
internal sealed record StaffInvitationResponse(Guid EventId, string Email, string Status);

/// <summary>Gate staff of one event: they may check passes of that event in, and nothing else.</summary>
internal static class EventStaff
{
    /// <summary>
    /// Answers 202 with the same body whether or not the address has an account, so the endpoint is
    /// no directory probe: a registered user is staff at once (idempotently), any other address when
    /// it registers. Each call spends one of the caller's e-mail look-ups.
    /// </summary>
    public static async Task<Results<Accepted<StaffInvitationResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, StaffRequest request, ClaimsPrincipal user, HttpContext context, CatalogDbContext db, EmailLookupLimiter limiter,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= UserEntry.EmailMaxLength,
            "email", $"The email is required, at most {UserEntry.EmailMaxLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (limiter.TryAcquire(context, show.OrganizerId) is { } tooMany)
        {
            return tooMany;
        }

        var email = RecordUser.Normalise(request.Email!);
        var accepted = TypedResults.Accepted($"/api/events/{id}/staff", new StaffInvitationResponse(id, email, "invited"));
        var member = await UserDirectory.FindByEmailAsync(db, email, cancellationToken);
        if (member is null)
        {
            await InviteAsync(db, id, email, clock.GetUtcNow().UtcDateTime, cancellationToken);
            // The address may have registered meanwhile, its UserRegistered handled before the
            // invitation was saved: look again so the invitation is not left for an event already past.
            member = await UserDirectory.FindByEmailAsync(db, email, cancellationToken);
            if (member is null)
            {
                return accepted;
            }

            await StaffInvitations.AcceptAsync(db, member.Id, email, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await SaveIgnoringDuplicateAsync(db, cancellationToken);
            return accepted;
        }

        if (member.Id == show.OrganizerId)
        {
            return Problems.BadRequest("The organizer can already check passes in.");
        }

        if (!await db.Staff.AnyAsync(s => s.EventId == id && s.UserId == member.Id, cancellationToken))
        {
            db.Staff.Add(new StaffMember { EventId = id, UserId = member.Id, AddedAt = clock.GetUtcNow().UtcDateTime });
            await SaveIgnoringDuplicateAsync(db, cancellationToken);
        }

        return accepted;
    }

    private static async Task InviteAsync(CatalogDbContext db, Guid eventId, string email, DateTime now, CancellationToken cancellationToken)
    {
        // Inviting again restarts the invitation's lifetime.
        await db.StaffInvitations.Where(i => i.EventId == eventId && i.Email == email).ExecuteDeleteAsync(cancellationToken);
        db.StaffInvitations.Add(new StaffInvitation { EventId = eventId, Email = email, InvitedAt = now });
        await SaveIgnoringDuplicateAsync(db, cancellationToken);
    }

    private static async Task SaveIgnoringDuplicateAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent request recorded the same person: the outcome the caller wanted.
        }
    }

    public static async Task<Results<Ok<List<StaffResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.AddedAt).ToListAsync(cancellationToken);
        var ids = staff.Select(s => s.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return TypedResults.Ok(staff.Select(s => new StaffResponse(s.UserId, emails.GetValueOrDefault(s.UserId), s.AddedAt)).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, Guid userId, ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var removed = await db.Staff.Where(s => s.EventId == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0
            ? Problems.NotFound($"User {userId} is not staff of event {id}.")
            : TypedResults.NoContent();
    }
}
