namespace Ticketing.Ordering;

/// <summary>The <c>Ordering</c> configuration section.</summary>
public sealed class OrderingOptions
{
    public const string Section = "Ordering";

    /// <summary>How long an order holds its tickets before Expiration cancels it.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a hold lasts from the moment the buyer starts paying, when it would otherwise end
    /// sooner: long enough for the provider to confirm (a card challenge included), once per order.
    /// </summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxTicketsPerOrder { get; set; } = 10;

    public WaitingRoomOptions WaitingRoom { get; set; } = new();
}

/// <summary>The <c>Ordering:WaitingRoom</c> section: how fast rooms opened from now on admit their line.</summary>
public sealed class WaitingRoomOptions
{
    /// <summary>
    /// Buyers admitted per second. Set it to what the deployment sustains (bench/run.sh measures
    /// completed purchases per second); the default suits the embedded server on two cores.
    /// </summary>
    public double AdmitPerSecond { get; set; } = 20;
}
