namespace Ticketing.Payments.Orders;

/// <summary>Order states as Ordering publishes them.</summary>
public static class OrderStatuses
{
    public const string Created = "created";
    public const string Cancelled = "cancelled";
    public const string Complete = "complete";
}

/// <summary>
/// Payments' copy of an order, kept from Ordering's events and ordered by their version. It is
/// the only source of the amount to charge.
/// </summary>
public sealed class OrderReplica
{
    public Guid OrderId { get; set; }

    public Guid UserId { get; set; }

    public string Status { get; set; } = OrderStatuses.Created;

    public long TotalMinor { get; set; }

    public string Currency { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    /// <summary>Ordering's reason (OrderCancelled) once cancelled; lets a refused payment say why.</summary>
    public string? CancelReason { get; set; }

    /// <summary>Ordering's version of the order; an event applies only when newer.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The one payment whose success was passed on to Ordering. Claimed with a conditional
    /// UPDATE, so two payments confirmed at once cannot both count; the loser is refunded.
    /// </summary>
    public Guid? PaidPaymentId { get; set; }

    /// <summary>
    /// The trace the order was created in, as its OrderCreated carried it (null when tracing is
    /// off, or when the payment overtook the event). Paying continues it (ADR 14).
    /// </summary>
    public string? TraceParent { get; set; }
}
