using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Tickets;

internal static class UpdateTicket
{
    public const string StaleMessage = "The ticket was changed by someone else; reload it and try again.";

    /// <summary>
    /// Edits title and price. The row's version read here is checked again by the UPDATE, so of two
    /// edits racing on one ticket exactly one commits and the other gets 409 instead of silently
    /// overwriting it.
    /// </summary>
    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, TicketRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return Problems.NotFound($"Ticket {id} does not exist.");
        }

        var validation = new Validation();
        var (title, priceMinor) = TicketRules.Check(validation, request.Title, request.Price, ticket.Currency);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (ticket.OwnerId != user.GetUserId())
        {
            return Problems.Forbidden("Only the ticket's owner can change it.");
        }

        if (request.Version is { } expected && expected != ticket.Version)
        {
            return Problems.Conflict($"The ticket was changed by someone else (you sent version {expected}, it is at {ticket.Version}); reload it and try again.");
        }

        var refusal = ticket.Edit(title, priceMinor, clock.GetUtcNow().UtcDateTime);
        if (refusal is not null)
        {
            return Problems.Conflict(refusal);
        }

        db.Publish(ticket.ToUpdated());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(StaleMessage);
        }

        return TypedResults.Ok(TicketResponse.From(ticket));
    }
}
