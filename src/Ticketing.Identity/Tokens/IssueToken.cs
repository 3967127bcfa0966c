using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Users;

namespace Ticketing.Identity.Tokens;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>For API clients: the same token as the cookie, handed over in the body instead.</summary>
internal static class IssueToken
{
    public static RouteHandlerBuilder MapIssueToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/token", HandleAsync).WithName("IssueToken");

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CredentialsRequest request,
        HttpContext context,
        PasswordCheck passwords,
        AccountRateLimiter accountLimiter,
        TokenIssuer issuer,
        CancellationToken cancellationToken)
    {
        var validation = Credentials.ValidateForSignIn(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var email = EmailAddress.Normalise(request.Email!);
        if (accountLimiter.TryAcquire(email) is { } wait)
        {
            return Credentials.TooManyRequests(context, wait, "Too many attempts for this account.");
        }

        var result = await passwords.CheckAsync(email, request.Password!, cancellationToken);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.LockedOut:
                return Credentials.TooManyRequests(context, result.RetryAfter, "Too many failed sign-ins: the account is locked for a while.");
            case PasswordCheckOutcome.Failed:
                return Credentials.InvalidCredentials();
        }

        var token = issuer.Issue(result.User!.Id, result.User.Email);
        return TypedResults.Ok(new TokenResponse(token.Value, "Bearer", (int)token.Lifetime.TotalSeconds));
    }
}
