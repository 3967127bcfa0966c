using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Users;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Passes;

internal sealed record TransferRequest(string? Email);

internal static class TransferPass
{
    public static void MapTransferPass(this IEndpointRouteBuilder passes) =>
        passes.MapPost("/{id:guid}/transfer", HandleAsync).RequireAuthorization().WithName("TransferPass");

    /// <summary>
    /// Re-issues the pass to another registered user under the next serial. A check-in bumps the
    /// pass's version too, so a scan and a transfer racing on one pass cannot both succeed: the
    /// loser gets 409 (transfer) or 410 (the scan of the old code).
    /// </summary>
    private static async Task<Results<Ok<PassResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, TransferRequest request, ClaimsPrincipal user, CatalogDbContext db, PassSigner signer, CancellationToken ct)
    {
        var validation = new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= UserEntry.EmailMaxLength,
            "email", $"email of the recipient is required, at most {UserEntry.EmailMaxLength} characters");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var pass = await HeldPass.FindAsync(db, id, user, ct, tracked: true);
        if (pass is null)
        {
            return HeldPass.NotFound(id);
        }

        var recipient = await UserDirectory.FindByEmailAsync(db, request.Email!, ct);
        if (recipient is null)
        {
            return Problems.NotFound(UserDirectory.NotFoundDetail(request.Email!));
        }

        if (recipient.Id == pass.HolderId)
        {
            return Problems.BadRequest("you already hold this pass; give the e-mail of someone else");
        }

        var from = pass.HolderId;
        var checkedIn = await db.CheckIns.AnyAsync(c => c.PassId == id, ct);
        if (pass.TransferTo(recipient.Id, checkedIn, signer) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == pass.TicketId, ct);
        db.Publish(new PassTransferred(from, recipient.Id, pass.Serial,
            new IssuedPass(pass.Id, ticket.Id, pass.EventId, ticket.Title, ticket.Seat, ticket.Tier, pass.Code)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("the pass was scanned or transferred at the same time; reload it and try again");
        }

        return TypedResults.Ok((await PassViews.ForAsync(db, [pass], ct))[0]);
    }
}
