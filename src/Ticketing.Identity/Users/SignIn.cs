using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Tokens;

namespace Ticketing.Identity.Users;

internal static class SignIn
{
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CredentialsRequest request,
        HttpContext context,
        PasswordCheck passwords,
        AccountRateLimiter accountLimiter,
        TokenIssuer issuer,
        SessionCookie cookie,
        CancellationToken cancellationToken)
    {
        var (user, invalid, refused) = await Credentials.AuthenticateAsync(request, context, passwords, accountLimiter, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (refused is not null)
        {
            return refused;
        }

        cookie.Write(context, issuer.Issue(user!.Id, user.Email));
        return TypedResults.Ok(new UserResponse(user.Id, user.Email));
    }
}
