using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignUp
{
    public static RouteHandlerBuilder MapSignUp(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/signup", HandleAsync).WithName("SignUp");

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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
        db.Users.Add(user);
        db.Publish(new UserRegistered(user.Id, user.Email));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Two signups for the same address raced past the check above; the index decides.
            return EmailInUse();
        }

        cookie.Write(context, issuer.Issue(user.Id, user.Email));
        return TypedResults.Created("/api/users/currentuser", new UserResponse(user.Id, user.Email));
    }

    private static ProblemHttpResult EmailInUse() => Problems.Conflict("The email is already in use.");

    internal static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        _ => false,
    };
}
