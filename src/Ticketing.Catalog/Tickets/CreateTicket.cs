using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Tickets;

internal static class CreateTicket
{
    /// <summary>Lists a single ticket for resale (the seed's flow); event inventory is generated per event.</summary>
    public static async Task<Results<Created<TicketResponse>, ValidationProblem>> HandleAsync(
        TicketRequest request, ClaimsPrincipal user, CatalogDbContext db, IOptions<CatalogOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var currency = request.Currency ?? options.Value.DefaultCurrency;
        validation.Require(Money.IsKnownCurrency(currency), "currency", "The currency must be an ISO 4217 code in upper case, e.g. USD.");
        var (title, priceMinor) = TicketRules.Check(validation, request.Title, request.Price, Money.IsKnownCurrency(currency) ? currency : "USD");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var ticket = Ticket.CreateListing(user.GetUserId()!.Value, title, priceMinor, currency, clock.GetUtcNow().UtcDateTime);
        db.Tickets.Add(ticket);
        db.Publish(ticket.ToCreated());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", TicketResponse.From(ticket));
    }
}
