using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Payments calls this (with the buyer's token) before it charges: the answer is the order as
/// Ordering has it now, the one source of whether it can still be paid, and a hold about to end
/// is extended for the payment window. So the decision "paid inside the hold" is made here, on
/// the order's own row, before any money moves: an ExpirationComplete that reaches Ordering ahead
/// of the payment's confirmation (seconds behind in a stampede) finds the hold extended and
/// leaves the order alone. docs/adr/0017-payment-extends-the-hold.md.
/// </summary>
internal static class StartCheckout
{
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, IOptions<OrderingOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);
        if (order is null)
        {
            return Problems.NotFound($"Order {id} not found.");
        }

        if (order.ExtendHoldForPayment(time.GetUtcNow().UtcDateTime, options.Value.PaymentWindow))
        {
            db.Publish(new OrderHoldExtended(order.Id, order.Version, order.UserId, new DateTimeOffset(order.ExpiresAt, TimeSpan.Zero)));
            try
            {
                // The version check loses to a concurrent completion or cancellation: its outcome is the answer.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id, cancellationToken);
            }
        }

        return TypedResults.Ok(OrderResponse.From(order));
    }
}
