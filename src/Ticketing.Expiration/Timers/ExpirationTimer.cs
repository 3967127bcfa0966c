namespace Ticketing.Expiration.Timers;

/// <summary>
/// A durable timer: one row per order, written when OrderCreated arrives and stamped when
/// it fires (or, without firing, when the order completes first). Living in the database, it survives restarts; <see cref="FiredAt"/> makes it fire once.
/// </summary>
public sealed class ExpirationTimer
{
    public Guid OrderId { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? FiredAt { get; set; }
}
