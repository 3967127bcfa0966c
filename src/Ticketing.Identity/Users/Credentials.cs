using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.BuildingBlocks.Web;

using Ticketing.Identity.RateLimiting;

namespace Ticketing.Identity.Users;

/// <summary>The body of signup, signin and token.</summary>
public sealed record CredentialsRequest(string? Email, string? Password);

public sealed record UserResponse(Guid Id, string Email);

internal static class Credentials
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static Validation ValidateForSignUp(CredentialsRequest request)
    {
        var refusal = string.IsNullOrWhiteSpace(request.Email) ? null : EmailAddress.Refusal(request.Email);
        return new Validation()
            .Require(refusal is not null || EmailAddress.IsValid(request.Email), "email", "A valid email address is required.")
            .Require(refusal is null, "email", refusal ?? "")
            .Require(
                request.Password is { Length: >= MinPasswordLength and <= MaxPasswordLength },
                "password",
                $"The password must be {MinPasswordLength} to {MaxPasswordLength} characters long.");
    }

    /// <summary>Only presence and size: anything else is for the password check to reject, uniformly.</summary>
    public static Validation ValidateForSignIn(CredentialsRequest request) => new Validation()
        .Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= EmailAddress.MaxLength, "email", "The email is required.")
        .Require(
            !string.IsNullOrEmpty(request.Password) && request.Password.Length <= MaxPasswordLength,
            "password",
            $"The password is required (at most {MaxPasswordLength} characters).");

    public static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem("The email or password is incorrect.", statusCode: StatusCodes.Status401Unauthorized, title: "Invalid credentials");

    public static ProblemHttpResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(retryAfter);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    /// <summary>
    /// What sign-in and token issuing share: validate, apply the per-account limit, check the
    /// password (with lockout). Returns the user, or the problem to answer with.
    /// </summary>
    public static async Task<(User? User, ValidationProblem? Invalid, ProblemHttpResult? Refused)> AuthenticateAsync(
        CredentialsRequest request, HttpContext context, PasswordCheck passwords, AccountRateLimiter accountLimiter, CancellationToken cancellationToken)
    {
        var validation = ValidateForSignIn(request);
        if (!validation.IsValid)
        {
            return (null, validation.ToProblem(), null);
        }

        var email = EmailAddress.Normalise(request.Email!);
        if (accountLimiter.TryAcquire(email) is { } wait)
        {
            return (null, null, TooManyRequests(context, wait, "Too many attempts for this account."));
        }

        var result = await passwords.CheckAsync(email, request.Password!, cancellationToken);
        return result.Outcome switch
        {
            PasswordCheckOutcome.LockedOut => (null, null, TooManyRequests(context, result.RetryAfter, "Too many failed sign-ins: the account is locked for a while.")),
            PasswordCheckOutcome.Failed => (null, null, InvalidCredentials()),
            _ => (result.User!, null, null),
        };
    }
}
