using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tickets;

internal static class ListTickets
{
    /// <summary>
    /// Tickets on sale, newest first. Inventory of draft and cancelled events is withdrawn, so the
    /// status filter alone keeps it out.
    /// </summary>
    public static async Task<Results<Ok<List<TicketResponse>>, ValidationProblem>> HandleAsync(
        CatalogDbContext db, CancellationToken cancellationToken, int? page = null, int? pageSize = null, Guid? eventId = null, string? tier = null)
    {
        var validation = new Validation();
        var paging = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatuses.Available);
        if (eventId is { } show)
        {
            query = query.Where(t => t.EventId == show);
        }

        if (!string.IsNullOrWhiteSpace(tier))
        {
            query = query.Where(t => t.Tier == tier);
        }

        var tickets = await query
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(paging.Skip).Take(paging.Take)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(tickets.Select(TicketResponse.From).ToList());
    }
}
