using System.Diagnostics.Metrics;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// Orders by status, tickets held and tickets sold, counted once the change commits
/// (<see cref="BuildingBlocks.Persistence.ServiceDbContext.AfterCommit"/>), so a transaction
/// retried after a conflict counts once. Per process: sum over Ordering's replicas.
/// </summary>
internal static class OrderMetrics
{
    private static readonly Counter<long> Orders = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.orders", "{order}", "Orders entering a status (created, complete, cancelled).");

    private static readonly UpDownCounter<long> Holds = TicketingTelemetry.Meter.CreateUpDownCounter<long>(
        "ticketing.holds.active", "{ticket}", "Tickets held by open orders: up when an order holds them, down when it completes or ends.");

    private static readonly Counter<long> Sold = TicketingTelemetry.Meter.CreateCounter<long>(
        "ticketing.tickets.sold", "{ticket}", "Tickets of completed orders.");

    private static bool Enabled => Orders.Enabled || Holds.Enabled || Sold.Enabled;

    public static void Created(OrderingDbContext db, Order order)
    {
        if (!Enabled)
        {
            return;
        }

        var tickets = order.Tickets.Count;
        db.AfterCommit(() =>
        {
            Orders.Add(1, new KeyValuePair<string, object?>("status", OrderStatuses.Created));
            Holds.Add(tickets);
        });
    }

    public static void Completed(OrderingDbContext db, Order order)
    {
        if (!Enabled)
        {
            return;
        }

        var tickets = order.Tickets.Count;
        db.AfterCommit(() =>
        {
            Orders.Add(1, new KeyValuePair<string, object?>("status", OrderStatuses.Complete));
            Holds.Add(-tickets);
            Sold.Add(tickets);
        });
    }

    /// <param name="wasHolding">The order was still open, so cancelling it releases its holds (a paid one's tickets were sold).</param>
    public static void Cancelled(OrderingDbContext db, Order order, bool wasHolding, string reason)
    {
        if (!Enabled)
        {
            return;
        }

        var tickets = order.Tickets.Count;
        db.AfterCommit(() =>
        {
            Orders.Add(1, new KeyValuePair<string, object?>("status", OrderStatuses.Cancelled), new KeyValuePair<string, object?>("reason", reason));
            if (wasHolding)
            {
                Holds.Add(-tickets);
            }
        });
    }
}
