using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;
using Ticketing.Catalog.Users;

namespace Ticketing.Catalog.Events;

internal sealed record StaffRequest(string? Email);

internal sealed record StaffResponse(Guid UserId, string? Email, DateTime AddedAt);

/// <summary>Gate staff of one event: they may check passes of that event in, and nothing else.</summary>
internal static class EventStaff
{
    public static void MapEventStaff(this IEndpointRouteBuilder events)
    {
        events.MapPost("/{id:guid}/staff", AddAsync).RequireAuthorization().WithName("AddEventStaff");
        events.MapGet("/{id:guid}/staff", ListAsync).RequireAuthorization().WithName("ListEventStaff");
        events.MapDelete("/{id:guid}/staff/{userId:guid}", RemoveAsync).RequireAuthorization().WithName("RemoveEventStaff");
    }

    /// <summary>Idempotent: adding someone who already is staff answers 200 with the existing entry.</summary>
    private static async Task<Results<Created<StaffResponse>, Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, StaffRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (show, problem) = await OrganizerAccess.LoadAsync(db, id, user, ct);
        if (show is null)
        {
            return problem!;
        }

        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= UserEntry.EmailMaxLength,
            "email", $"email is required, at most {UserEntry.EmailMaxLength} characters");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var member = await UserDirectory.FindByEmailAsync(db, request.Email!, ct);
        if (member is null)
        {
            return Problems.NotFound(UserDirectory.NotFoundDetail(request.Email!));
        }

        if (member.Id == show.OrganizerId)
        {
            return Problems.BadRequest("the organizer can already check passes in");
        }

        var existing = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == id && s.UserId == member.Id, ct);
        if (existing is not null)
        {
            return TypedResults.Ok(new StaffResponse(member.Id, member.Email, existing.AddedAt));
        }

        var added = new StaffMember { EventId = id, UserId = member.Id, AddedAt = clock.GetUtcNow().UtcDateTime };
        db.Staff.Add(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same person was added by a concurrent request: the outcome the caller wanted.
            var winner = await db.Staff.AsNoTracking().SingleAsync(s => s.EventId == id && s.UserId == member.Id, ct);
            return TypedResults.Ok(new StaffResponse(member.Id, member.Email, winner.AddedAt));
        }

        return TypedResults.Created($"/api/events/{id}/staff/{member.Id}", new StaffResponse(member.Id, member.Email, added.AddedAt));
    }

    private static async Task<Results<Ok<List<StaffResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, CancellationToken ct)
    {
        var (show, problem) = await OrganizerAccess.LoadAsync(db, id, user, ct);
        if (show is null)
        {
            return problem!;
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.AddedAt).ToListAsync(ct);
        var ids = staff.Select(s => s.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return TypedResults.Ok(staff.Select(s => new StaffResponse(s.UserId, emails.GetValueOrDefault(s.UserId), s.AddedAt)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, Guid userId, ClaimsPrincipal user, CatalogDbContext db, CancellationToken ct)
    {
        var (show, problem) = await OrganizerAccess.LoadAsync(db, id, user, ct);
        if (show is null)
        {
            return problem!;
        }

        var removed = await db.Staff.Where(s => s.EventId == id && s.UserId == userId).ExecuteDeleteAsync(ct);
        return removed == 0
            ? Problems.NotFound($"user {userId} is not staff of event {id}")
            : TypedResults.NoContent();
    }
}
