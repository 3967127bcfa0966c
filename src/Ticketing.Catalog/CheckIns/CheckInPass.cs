using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;

namespace Ticketing.Catalog.CheckIns;

internal sealed record CheckInRequest(string? Code);

internal sealed record CheckInResponse(
    Guid TicketId, Guid PassId, Guid? EventId, string Title, string? Seat, string? Tier, string? Holder, Guid HolderId, DateTime CheckedInAt);

internal static class CheckInPass
{
    /// <summary>
    /// Admits a pass once. The signature proves the code is ours and unaltered; the database decides
    /// the race: the scan locks the pass row (the conditional UPDATE also re-checks serial and
    /// revocation), then inserts the check-in whose key is the pass, so among simultaneous scans at
    /// any number of gates exactly one commits and the rest see its row and answer 409.
    /// </summary>
    public static async Task<Results<Ok<CheckInResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CheckInRequest request, ClaimsPrincipal user, CatalogDbContext db, PassSigner signer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Code), "code", "The code is required: the text of the pass's QR code.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // A high s is only tolerated to match a stored code issued before codes were low-s (it must
        // equal that code below); its low-s twin, like any other re-encoding, is then not the stored code.
        var code = PassCode.Trim(request.Code!);
        var payload = signer.Verify(code, canonicalOnly: false);
        var pass = payload is null ? null : await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == payload.TicketId, cancellationToken);
        if (payload is null || pass is null || (pass.EventId ?? Guid.Empty) != payload.EventId
            || (payload.Serial == pass.Serial && !string.Equals(code, pass.Code, StringComparison.Ordinal)))
        {
            return Problems.BadRequest("The code failed verification: it was not issued by this service or was altered.");
        }

        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == pass.TicketId, cancellationToken);
        var me = user.GetUserId();
        if (!await GateAccess.CanAdmitAsync(db, pass.EventId, ticket.OwnerId, me, cancellationToken))
        {
            return GateAccess.Forbidden();
        }

        if (Refusal(pass, payload.Serial) is { } gone)
        {
            return gone;
        }

        // Whole milliseconds: the time a later 409 reads back from either database is the one this 200 shows.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var admitted = await TryAdmitAsync(db, pass, payload.Serial, me!.Value, now, cancellationToken);
        if (admitted.Problem is { } problem)
        {
            return problem;
        }

        var holder = await db.Users.AsNoTracking().Where(u => u.Id == pass.HolderId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new CheckInResponse(ticket.Id, pass.Id, pass.EventId, ticket.Title, ticket.Seat, ticket.Tier, holder, pass.HolderId, admitted.At));
    }

    private static ProblemHttpResult? Refusal(Pass pass, int scannedSerial) =>
        pass.RevokedAt is not null ? GateAccess.Gone("The pass was revoked: its event was cancelled.")
        : pass.Serial != scannedSerial ? GateAccess.Gone("This code was replaced: the pass was transferred and only its newest code admits.")
        : null;

    private static async Task<(DateTime At, ProblemHttpResult? Problem)> TryAdmitAsync(
        CatalogDbContext db, Pass pass, int serial, Guid scannedBy, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var locked = await db.Passes
                .Where(p => p.Id == pass.Id && p.Serial == serial && p.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            if (locked == 0)
            {
                // Transferred or revoked since it was read above.
                await transaction.RollbackAsync(cancellationToken);
                var fresh = await db.Passes.AsNoTracking().SingleAsync(p => p.Id == pass.Id, cancellationToken);
                return (default, Refusal(fresh, serial) ?? GateAccess.Gone("The pass changed while it was scanned."));
            }

            // Holding the row lock, this read sees any scan that committed before us.
            if (await FirstCheckInAsync(db, pass.Id, cancellationToken) is { } earlier)
            {
                await transaction.RollbackAsync(cancellationToken);
                return (default, GateAccess.AlreadyCheckedIn(earlier));
            }

            db.CheckIns.Add(new CheckIn
            {
                PassId = pass.Id, EventId = pass.EventId, Serial = serial, HolderId = pass.HolderId, ScannedBy = scannedBy, CheckedInAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (now, null);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return (default, GateAccess.AlreadyCheckedIn((await FirstCheckInAsync(db, pass.Id, cancellationToken))!.Value));
        }
    }

    private static async Task<DateTime?> FirstCheckInAsync(CatalogDbContext db, Guid passId, CancellationToken cancellationToken) =>
        await db.CheckIns.AsNoTracking().Where(c => c.PassId == passId).Select(c => (DateTime?)c.CheckedInAt).FirstOrDefaultAsync(cancellationToken);
}
