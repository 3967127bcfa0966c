using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignUp
{
    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CredentialsRequest request,
        HttpContext context,
        IdentityDbContext db,
        IPasswordHasher<User> hasher,
        AccountRateLimiter accountLimiter,
        TokenIssuer issuer,
        SessionCookie cookie,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = Credentials.ValidateForSignUp(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var email = EmailAddress.Normalise(request.Email!);
        if (accountLimiter.TryAcquire(email) is { } wait)
        {
            return Credentials.TooManyRequests(context, wait, "Too many attempts for this account.");
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return EmailInUse();
        }

        var user = User.Create(email, "", time.GetUtcNow().UtcDateTime);
        user.ChangePasswordHash(hasher.HashPassword(user, request.Password!));
        if (!await TryInsertAsync(db, user, cancellationToken))
        {
            // Two signups for the same address raced past the check above; the index decided.
            return EmailInUse();
        }

        cookie.Write(context, issuer.Issue(user.Id, user.Email));
        return TypedResults.Created("/api/users/currentuser", new UserResponse(user.Id, user.Email));
    }

    private static ProblemHttpResult EmailInUse() => Problems.Conflict("The email is already in use.");

    /// <summary>
    /// Inserts the user and its UserRegistered event in one transaction, or nothing when the email is
    /// taken. ON CONFLICT (SQLite and PostgreSQL alike) makes losing the race an ordinary answer
    /// instead of a failed command, which EF Core would log as an error although nothing is wrong.
    /// </summary>
    private static async Task<bool> TryInsertAsync(IdentityDbContext db, User user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users (id, email, password_hash, created_at, failed_sign_ins)
            VALUES ({user.Id}, {user.Email}, {user.PasswordHash}, {user.CreatedAt}, {user.FailedSignIns})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            return false;
        }

        db.Publish(new UserRegistered(user.Id, user.Email));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
