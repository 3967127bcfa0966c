using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Tickets;

internal static class GetTicket
{
    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> HandleAsync(Guid id, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is null
            ? Problems.NotFound($"Ticket {id} does not exist.")
            : TypedResults.Ok(TicketResponse.From(ticket));
    }
}
