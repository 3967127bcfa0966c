namespace Ticketing.Ordering.Domain;

public static class OrderStatuses
{
    public const string Created = "created";
    public const string Cancelled = "cancelled";
    public const string Complete = "complete";
}

/// <summary>
/// A buyer's cart of tickets under a timed hold. The status only moves forward:
/// <c>created</c> to <c>complete</c> (paid) or to <c>cancelled</c> (buyer or expiry), never back,
/// so a late expiry can never undo a sale and a late payment can never revive a cancelled order.
/// The one way out of <c>complete</c> is its event being cancelled: the order is then cancelled
/// too and Payments refunds it.
/// </summary>
public sealed class Order
{
    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Status { get; private set; } = OrderStatuses.Created;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>When the buyer started paying and the hold was extended for it; set at most once.</summary>
    public DateTime? PaymentStartedAt { get; private set; }

    /// <summary>Concurrency token; bumped on every change so racing cancel/complete cannot both win.</summary>
    public int Version { get; private set; }

    public long TotalMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public List<OrderTicket> Tickets { get; private set; } = [];

    public static Order Create(Guid id, Guid userId, IReadOnlyCollection<OrderTicket> lines, DateTime now, TimeSpan holdDuration)
    {
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one ticket.", nameof(lines));
        }

        if (SharedCurrency(lines.Select(l => l.Currency)) is not { } currency)
        {
            throw new ArgumentException("All tickets of an order must share one currency.", nameof(lines));
        }

        if (lines.Select(l => l.TicketId).Distinct().Count() != lines.Count)
        {
            throw new ArgumentException("A ticket can be in an order only once.", nameof(lines));
        }

        foreach (var line in lines)
        {
            line.OrderId = id;
        }

        return new Order
        {
            Id = id,
            UserId = userId,
            Status = OrderStatuses.Created,
            CreatedAt = now,
            ExpiresAt = now + holdDuration,
            Version = 1,
            TotalMinor = lines.Sum(l => l.PriceMinor),
            Currency = currency,
            Tickets = lines.ToList(),
        };
    }

    /// <summary>The one currency all prices share, or null when they differ (or there are none).</summary>
    public static string? SharedCurrency(IEnumerable<string> currencies)
    {
        var distinct = currencies.Distinct(StringComparer.Ordinal).Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    /// <summary>Cancels a live order; false when it is already complete or cancelled (nothing changes).</summary>
    public bool Cancel()
    {
        if (Status != OrderStatuses.Created)
        {
            return false;
        }

        Status = OrderStatuses.Cancelled;
        Version++;
        return true;
    }

    /// <summary>
    /// Its event was cancelled by the organizer: a live or paid order ends (the paid one is
    /// refunded by Payments on the resulting OrderCancelled). False when already cancelled.
    /// </summary>
    public bool CancelForCancelledEvent()
    {
        if (Status == OrderStatuses.Cancelled)
        {
            return false;
        }

        Status = OrderStatuses.Cancelled;
        Version++;
        return true;
    }

    /// <summary>
    /// The buyer starts paying: a live hold that would end within <paramref name="paymentWindow"/>
    /// is extended to now + that window, once per order, so a payment accepted inside the hold is
    /// not lost to the expiry racing its confirmation. False (nothing changes) when the order is
    /// not live, its hold is already over, it was extended before, or it lasts long enough.
    /// </summary>
    public bool ExtendHoldForPayment(DateTime now, TimeSpan paymentWindow)
    {
        if (Status != OrderStatuses.Created || ExpiresAt <= now || PaymentStartedAt is not null || now + paymentWindow <= ExpiresAt)
        {
            return false;
        }

        PaymentStartedAt = now;
        ExpiresAt = now + paymentWindow;
        Version++;
        return true;
    }

    /// <summary>
    /// Whether an expiry timer set for <paramref name="dueAt"/> ends this hold: not when the hold
    /// was extended past it (the extended hold has a timer of its own). Compared with a
    /// millisecond's slack: a database may store the deadline to the microsecond only.
    /// </summary>
    public bool IsDue(DateTime? dueAt) => dueAt is not { } due || due >= ExpiresAt.AddMilliseconds(-1);

    /// <summary>
    /// Completes a live order, even after <see cref="ExpiresAt"/> if the expiry has not been
    /// processed yet: the money was taken while the tickets were still held. False otherwise.
    /// </summary>
    public bool Complete()
    {
        if (Status != OrderStatuses.Created)
        {
            return false;
        }

        Status = OrderStatuses.Complete;
        Version++;
        return true;
    }
}

/// <summary>One ticket of an order, with the title and price it was bought at.</summary>
public sealed class OrderTicket
{
    public Guid OrderId { get; set; }

    public Guid TicketId { get; set; }

    public required string Title { get; set; }

    public string? Seat { get; set; }

    public string? Tier { get; set; }

    public long PriceMinor { get; set; }

    /// <summary>Not stored: the order's currency holds it once all lines are known to agree.</summary>
    public string Currency { get; set; } = "";
}
