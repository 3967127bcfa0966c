namespace Ticketing.Expiration;

/// <summary>The <c>Expiration</c> configuration section.</summary>
public sealed class ExpirationOptions
{
    public const string Section = "Expiration";

    /// <summary>How often due timers are looked for; bounds how late a hold is released.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Timers fired per transaction.</summary>
    public int BatchSize { get; set; } = 100;
}
