using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Users;

public sealed record CurrentUserResponse(UserResponse? CurrentUser);

internal static class CurrentUser
{
    public static RouteHandlerBuilder MapCurrentUser(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/currentuser", Handle).WithName("CurrentUser");

    /// <summary>Answers from the validated token alone, so it works for external issuers too.</summary>
    private static Ok<CurrentUserResponse> Handle(ClaimsPrincipal principal) =>
        TypedResults.Ok(new CurrentUserResponse(
            principal.GetUserId() is { } id && principal.GetEmail() is { } email ? new UserResponse(id, email) : null));
}
