using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Cancels an order whose hold ran out, unless it was paid (or cancelled) first, or its hold was
/// extended for a payment after this timer was set (the extended hold's own timer ends it).
/// </summary>
internal sealed class ExpireOrder(OrderingDbContext db, ILogger<ExpireOrder> logger) : IIntegrationEventHandler<ExpirationComplete>
{
    public async Task HandleAsync(ExpirationComplete e, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == e.OrderId, cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Expiration for unknown order {OrderId}; ignoring it", e.OrderId);
            return;
        }

        if (!order.IsDue(e.DueAt?.UtcDateTime))
        {
            logger.LogInformation("Order {OrderId}'s hold was extended to {ExpiresAt} for its payment; the timer for {DueAt} is ignored",
                order.Id, order.ExpiresAt, e.DueAt);
            return;
        }

        if (!await OrderCancellation.CancelAsync(db, order, CancellationReasons.Expired, cancellationToken))
        {
            logger.LogInformation("Order {OrderId} expired while {Status}; nothing to do", order.Id, order.Status);
        }
    }
}

/// <summary>
/// Completes a paid order while it is still live. A payment for a cancelled order leaves it
/// cancelled: its tickets may already be someone else's, and Payments refunds it.
/// </summary>
internal sealed class CompleteOrder(OrderingDbContext db, ILogger<CompleteOrder> logger) : IIntegrationEventHandler<PaymentSucceeded>
{
    public async Task HandleAsync(PaymentSucceeded e, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == e.OrderId, cancellationToken);
        if (order is null)
        {
            logger.LogError("Payment {PaymentId} for unknown order {OrderId}", e.PaymentId, e.OrderId);
            return;
        }

        if (e.AmountMinor != order.TotalMinor || !string.Equals(e.Currency, order.Currency, StringComparison.OrdinalIgnoreCase))
        {
            // Never complete an order that was not paid in full; left alone it expires and is refunded.
            logger.LogError("Payment {PaymentId} of {Amount} {Currency} does not match order {OrderId} ({Total} {OrderCurrency})",
                e.PaymentId, e.AmountMinor, e.Currency, order.Id, order.TotalMinor, order.Currency);
            return;
        }

        if (order.Status == OrderStatuses.Created && await OfCancelledEventAsync(order, cancellationToken))
        {
            // ApplyEventCancelled ends every order of a cancelled event; this is the safety net should one
            // still be open. Never complete it: cancel it, and the resulting OrderCancelled gets Payments to refund.
            logger.LogWarning("Payment {PaymentId} arrived for order {OrderId} of a cancelled event; cancelling the order", e.PaymentId, order.Id);
            await OrderCancellation.CancelAsync(db, order, CancellationReasons.EventCancelled, cancellationToken);
            return;
        }

        if (!order.Complete())
        {
            logger.LogWarning("Payment {PaymentId} arrived for order {OrderId} that is {Status}", e.PaymentId, order.Id, order.Status);
            return;
        }

        // Saved by the dispatcher with the inbox row; the order's version check loses to a concurrent cancel and is retried.
        db.Publish(new OrderCompleted(order.Id, order.Version, order.UserId, order.TotalMinor, order.Currency,
            order.Tickets.Select(t => t.TicketId).ToList()));
        OrderMetrics.Completed(db, order);
    }

    private Task<bool> OfCancelledEventAsync(Order order, CancellationToken cancellationToken)
    {
        var ticketIds = order.Tickets.Select(t => t.TicketId).ToList();
        return db.Tickets.AnyAsync(t => ticketIds.Contains(t.TicketId) && db.CancelledEvents.Any(c => c.EventId == t.EventId), cancellationToken);
    }
}
