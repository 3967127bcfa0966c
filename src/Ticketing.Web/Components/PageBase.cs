using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Ticketing.Web.Api;

namespace Ticketing.Web.Components;

/// <summary>
/// What every server-rendered page needs: the request, the user and navigation. Pages reach the
/// services through the typed clients of <c>Ticketing.Web.Api</c> they inject, never by path.
/// </summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] public Session Session { get; set; } = default!;

    [Inject] public NavigationManager Nav { get; set; } = default!;

    public ApiProblem? Problem { get; set; }

    /// <summary>The signed-in user, or null after sending the browser to the sign-in page.</summary>
    public async Task<UserDto?> RequireUserAsync()
    {
        var user = await Session.GetUserAsync();
        if (user is null)
        {
            var back = Uri.EscapeDataString(Nav.ToBaseRelativePath(Nav.Uri) is { Length: > 0 } p ? "/" + p : "/");
            Nav.NavigateTo($"/signin?returnUrl={back}");
        }

        return user;
    }

    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false })
        {
            HttpContext.Response.StatusCode = status;
        }
    }

    /// <summary>A problem about one field, shown next to it like the API's own validation errors.</summary>
    protected static ApiProblem FieldProblem(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Only local paths, so a crafted link cannot send the user to another site after signing in.</summary>
    protected static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
