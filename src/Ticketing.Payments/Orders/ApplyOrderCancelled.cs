using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Payments;

namespace Ticketing.Payments.Orders;

/// <summary>
/// Marks the replica cancelled and refunds any payment that succeeded for the order. That
/// covers the race where Payments passed a success on while Ordering was cancelling: Ordering
/// refuses to complete a cancelled order, and this handler gives the money back. It is also how a
/// paid order of a cancelled event (reason event-cancelled) is refunded. Only succeeded payments
/// are picked, so a repeated cancellation refunds nothing twice.
/// </summary>
internal sealed class ApplyOrderCancelled(PaymentsDbContext db, PaymentRefunds refunds, ILogger<ApplyOrderCancelled> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken cancellationToken)
    {
        // The status goes first: a success being confirmed right now either claimed the order before
        // this UPDATE (and is found below) or is refused by it (and refunds itself).
        if (await CancelReplicaAsync(e, cancellationToken) == 0)
        {
            if (!await db.Orders.AnyAsync(o => o.OrderId == e.OrderId, cancellationToken))
            {
                // Overtook its OrderCreated; that event fills in the amount later and cannot un-cancel it.
                db.Orders.Add(new OrderReplica
                {
                    OrderId = e.OrderId, UserId = e.UserId, Status = OrderStatuses.Cancelled, CancelReason = e.Reason, Currency = "", Version = e.Version,
                });
            }
            else
            {
                // Each statement sees the database as of its own start: an OrderCreated committed
                // between the UPDATE and the check is found by the check but was missed by the
                // UPDATE, so it runs again (a no-op when the order was cancelled already).
                await CancelReplicaAsync(e, cancellationToken);
            }
        }

        var paid = await db.Payments
            .Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatuses.Succeeded)
            .ToListAsync(cancellationToken);
        var reason = e.Reason switch
        {
            CancellationReasons.Expired => RefundReasons.OrderExpired,
            CancellationReasons.EventCancelled => RefundReasons.EventCancelled,
            _ => RefundReasons.OrderCancelled,
        };
        foreach (var payment in paid)
        {
            logger.LogWarning("Order {OrderId} was cancelled ({Reason}) after payment {PaymentId} succeeded; refunding it",
                e.OrderId, e.Reason, payment.Id);
            await refunds.RefundAsync(payment, reason, cancellationToken);
        }
    }

    private Task<int> CancelReplicaAsync(OrderCancelled e, CancellationToken cancellationToken) =>
        db.Orders
            .Where(o => o.OrderId == e.OrderId && o.Status != OrderStatuses.Cancelled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OrderStatuses.Cancelled)
                .SetProperty(o => o.CancelReason, e.Reason)
                .SetProperty(o => o.Version, e.Version), cancellationToken);
}
