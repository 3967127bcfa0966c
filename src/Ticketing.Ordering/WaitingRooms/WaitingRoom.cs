namespace Ticketing.Ordering.WaitingRooms;

/// <summary>
/// The line in front of an event's sale: open from its publication for the minutes its organizer
/// chose. Places are numbered in arrival order, one per account, and admitted at a fixed rate, so
/// neither retrying nor opening many tabs moves anyone forward, and the platform is never offered
/// more buyers than it was set to sustain (<c>Ordering:WaitingRoom:AdmitPerSecond</c>).
/// </summary>
internal sealed class WaitingRoom
{
    public Guid EventId { get; init; }

    public DateTime OpensAt { get; init; }

    public DateTime ClosesAt { get; init; }

    /// <summary>Fixed when the room opens, so every Ordering instance admits on the same schedule.</summary>
    public double AdmitPerSecond { get; init; }

    /// <summary>Signs this room's queue tokens; kept in the database so every instance can check them.</summary>
    public byte[] Secret { get; init; } = [];

    /// <summary>The last position given; incremented under the row's write lock.</summary>
    public int LastPosition { get; set; }

    /// <summary>The earliest time the next place to be taken can be admitted.</summary>
    public DateTime NextAdmitAt { get; set; }

    public bool IsOpen(DateTime now) => now >= OpensAt && now < ClosesAt;

    /// <summary>
    /// Schedules a place taken at <paramref name="joinedAt"/>: one interval (1 / rate) after the
    /// place before it, or at once when the line has drained (a leaky bucket). Anchoring on the place
    /// before, not on the opening, keeps the rate when the rush comes minutes after publication.
    /// Never later than the closing: from then on nobody needs to be admitted. Call it under the
    /// room row's write lock.
    /// </summary>
    public DateTime Admit(DateTime joinedAt)
    {
        var admitAt = NextAdmitAt > joinedAt ? NextAdmitAt : joinedAt;
        NextAdmitAt = admitAt.AddSeconds(1 / AdmitPerSecond);
        return admitAt < ClosesAt ? admitAt : ClosesAt;
    }

    /// <summary>
    /// How many places are still to be admitted up to and including this one (0 once admitted):
    /// with admission at a fixed rate that follows from the time left, no count of the line needed.
    /// </summary>
    public int NumberInLine(DateTime admitAt, DateTime now) =>
        admitAt <= now ? 0 : Math.Max(1, (int)Math.Ceiling((admitAt - now).TotalSeconds * AdmitPerSecond));
}

/// <summary>One account's place in one event's line.</summary>
internal sealed class QueuePlace
{
    public Guid EventId { get; init; }

    public Guid UserId { get; init; }

    public int Position { get; init; }

    public DateTime JoinedAt { get; init; }

    public DateTime AdmitAt { get; init; }
}
