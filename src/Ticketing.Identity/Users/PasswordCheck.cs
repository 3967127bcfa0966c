using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ticketing.Identity.Users;

internal enum PasswordCheckOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

internal sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, User? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// Verifies credentials the same way whether or not the account exists (an unknown email is
/// checked against a dummy hash so the timing matches), counts failures towards a lockout and
/// upgrades hashes made with older parameters.
/// </summary>
internal sealed class PasswordCheck(IdentityDbContext db, IPasswordHasher<User> hasher, DummyHash dummy, IOptions<IdentityOptions> options, TimeProvider time)
{
    public async Task<PasswordCheckResult> CheckAsync(string normalisedEmail, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == normalisedEmail, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(dummy.User, dummy.Hash, password);
            return new PasswordCheckResult(PasswordCheckOutcome.Failed);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var lockout = options.Value.Lockout;
        if (lockout.Enabled && user.IsLockedOut(now))
        {
            return new PasswordCheckResult(PasswordCheckOutcome.LockedOut, RetryAfter: user.LockedUntil!.Value - now);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            if (lockout.Enabled)
            {
                // Concurrent failures may overwrite each other's count; the per-account rate limit bounds that.
                user.RecordFailedSignIn(now, lockout.MaxFailedAttempts, lockout.Duration);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new PasswordCheckResult(PasswordCheckOutcome.Failed);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.HashPassword(user, password));
        }

        user.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordCheckResult(PasswordCheckOutcome.Succeeded, user);
    }
}

/// <summary>A hash made once with the current parameters, for the unknown-email path.</summary>
internal sealed class DummyHash
{
    public DummyHash(IPasswordHasher<User> hasher)
    {
        User = User.Create("dummy@invalid.invalid", "", DateTime.UnixEpoch);
        Hash = hasher.HashPassword(User, Guid.NewGuid().ToString());
    }

    public User User { get; }

    public string Hash { get; }
}
