using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Users;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Passes;

internal sealed record TransferRequest(string? Email);

/// <summary>The one answer to a transfer, whether or not the address has an account.</summary>
internal sealed record TransferResponse(Guid PassId, string Status);

internal static class TransferPass
{
    /// <summary>
    /// Re-issues the pass to another registered user under the next serial. The answer is 202 with
    /// the same body whether or not the address has an account (no directory probe): to an unknown
    /// address nothing moves and the pass stays with its holder. A check-in bumps the pass's version
    /// too, so a scan and a transfer racing on one pass cannot both succeed: the loser gets 409
    /// (transfer) or 410 (the scan of the old code).
    /// </summary>
    public static async Task<Results<Accepted<TransferResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, TransferRequest request, ClaimsPrincipal user, HttpContext context, CatalogDbContext db, PassSigner signer,
        EmailLookupLimiter limiter, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= UserEntry.EmailMaxLength,
            "email", $"The recipient's email is required, at most {UserEntry.EmailMaxLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var pass = await HeldPass.FindAsync(db, id, user, cancellationToken, tracked: true);
        if (pass is null)
        {
            return HeldPass.NotFound(id);
        }

        if (limiter.TryAcquire(context, pass.HolderId) is { } tooMany)
        {
            return tooMany;
        }

        // The pass's own state is judged before the recipient, so refusals never depend on the address.
        var checkedIn = await db.CheckIns.AnyAsync(c => c.PassId == id, cancellationToken);
        if (pass.TransferRefusal(checkedIn) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        var accepted = TypedResults.Accepted("/api/passes", new TransferResponse(id, "accepted"));
        var recipient = await UserDirectory.FindByEmailAsync(db, request.Email!, cancellationToken);
        if (recipient is null)
        {
            return accepted;
        }

        if (recipient.Id == pass.HolderId)
        {
            return Problems.BadRequest("You already hold this pass; give the e-mail of someone else.");
        }

        var from = pass.HolderId;
        pass.TransferTo(recipient.Id, checkedIn, signer);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == pass.TicketId, cancellationToken);
        db.Publish(new PassTransferred(from, recipient.Id, pass.Serial,
            new IssuedPass(pass.Id, ticket.Id, pass.EventId, ticket.Title, ticket.Seat, ticket.Tier, pass.Code)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The pass was scanned or transferred at the same time; reload it and try again.");
        }

        return accepted;
    }
}
