namespace Ticketing.Ordering;

/// <summary>The <c>Ordering</c> configuration section.</summary>
public sealed class OrderingOptions
{
    public const string Section = "Ordering";

    /// <summary>How long an order holds its tickets before Expiration cancels it.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MaxTicketsPerOrder { get; set; } = 10;
}
