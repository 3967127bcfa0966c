using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Users;

public sealed record CurrentUserResponse(UserResponse? CurrentUser);

internal static class CurrentUser
{
    /// <summary>Answers from the validated token alone, so it works for external issuers too.</summary>
    public static Ok<CurrentUserResponse> Handle(ClaimsPrincipal principal) =>
        TypedResults.Ok(new CurrentUserResponse(
            principal.GetUserId() is { } id && principal.GetEmail() is { } email ? new UserResponse(id, email) : null));
}
