using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Ordering.Orders;

internal static class GetOrders
{
    public static async Task<Results<Ok<List<OrderResponse>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, OrderingDbContext db, CancellationToken cancellationToken)
    {
        if (user.GetUserId() is not { } userId)
        {
            return Problems.Forbidden("The token does not identify a user.");
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(orders.Select(OrderResponse.From).ToList());
    }

    /// <summary>Another user's order is a 404, not a 403: its existence is nobody else's business.</summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);
        return order is null
            ? Problems.NotFound($"Order {id} not found.")
            : TypedResults.Ok(OrderResponse.From(order));
    }
}
