namespace Ticketing.Identity.Users;

/// <summary>An account. The email is stored normalised, so uniqueness is case-insensitive.</summary>
public sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public static User Create(string normalisedEmail, string passwordHash, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = normalisedEmail,
        PasswordHash = passwordHash,
        CreatedAt = now,
    };

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; the account locks once the count reaches the limit.</summary>
    public void RecordFailedSignIn(DateTime now, int maxFailures, TimeSpan lockout)
    {
        if (LockedUntil is { } until && until <= now)
        {
            // A lock that has run out starts a fresh count rather than re-locking on the next mistake.
            LockedUntil = null;
            FailedSignIns = 0;
        }

        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
