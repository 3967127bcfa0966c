using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Users;

namespace Ticketing.Identity.Tokens;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>For API clients: the same token as the cookie, handed over in the body instead.</summary>
internal static class IssueToken
{
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CredentialsRequest request,
        HttpContext context,
        PasswordCheck passwords,
        AccountRateLimiter accountLimiter,
        TokenIssuer issuer,
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

        var token = issuer.Issue(user!.Id, user.Email);
        return TypedResults.Ok(new TokenResponse(token.Value, "Bearer", (int)token.Lifetime.TotalSeconds));
    }
}
