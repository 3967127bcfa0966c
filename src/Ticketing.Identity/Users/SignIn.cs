using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignIn
{
    public static RouteHandlerBuilder MapSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/signin", HandleAsync).WithName("SignIn");

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CredentialsRequest request,
        HttpContext context,
        PasswordCheck passwords,
        AccountRateLimiter accountLimiter,
        TokenIssuer issuer,
        SessionCookie cookie,
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

        var user = result.User!;
        cookie.Write(context, issuer.Issue(user.Id, user.Email));
        return TypedResults.Ok(new UserResponse(user.Id, user.Email));
    }
}
