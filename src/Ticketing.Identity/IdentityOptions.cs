namespace Ticketing.Identity;

/// <summary>The <c>Identity</c> configuration section (see docs/api/identity.md).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public LockoutOptions Lockout { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>PBKDF2 iterations for new hashes; older hashes are upgraded on the next sign-in.</summary>
    public int PasswordIterations { get; set; } = 100_000;
}

public sealed class LockoutOptions
{
    public bool Enabled { get; set; } = true;

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Signup, signin and token requests from one client address per window.</summary>
    public int PerIpPermitLimit { get; set; } = 30;

    /// <summary>Signup, signin and token requests for one email per window.</summary>
    public int PerAccountPermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
