using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;
using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Orders;

internal static class CancelOrder
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);
        if (order is null)
        {
            return Problems.NotFound($"Order {id} not found.");
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await OrderCancellation.CancelAsync(db, order, CancellationReasons.Buyer, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Paid or expired at the same moment: the winner decides what the buyer sees.
            db.ChangeTracker.Clear();
            order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id, cancellationToken);
        }

        // Cancelling a cancelled order is idempotent; a paid one is final.
        return order.Status == OrderStatuses.Complete
            ? Problems.Conflict("The order is paid and can no longer be cancelled.")
            : TypedResults.NoContent();
    }
}

/// <summary>The one way an order gets cancelled, by the buyer, by expiry or by its event's cancellation.</summary>
internal static class OrderCancellation
{
    /// <summary>
    /// Cancels a live order (or, when its event was cancelled, a paid one too), releases its holds
    /// and records OrderCancelled, all in the caller's transaction. False (and nothing changes)
    /// when the order cannot be cancelled for that reason or already is.
    /// </summary>
    public static async Task<bool> CancelAsync(OrderingDbContext db, Order order, string reason, CancellationToken cancellationToken)
    {
        var wasHolding = order.Status == OrderStatuses.Created;
        var cancelled = reason == CancellationReasons.EventCancelled ? order.CancelForCancelledEvent() : order.Cancel();
        if (!cancelled)
        {
            return false;
        }

        db.Publish(new OrderCancelled(order.Id, order.Version, order.UserId, order.Tickets.Select(t => t.TicketId).ToList(), reason));
        OrderMetrics.Cancelled(db, order, wasHolding, reason);
        // The version check on the order row runs first: a concurrent completion makes this
        // throw before any hold is released.
        await db.SaveChangesAsync(cancellationToken);
        await db.Tickets
            .Where(t => t.HeldByOrderId == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.HeldByOrderId, (Guid?)null), cancellationToken);
        return true;
    }
}
