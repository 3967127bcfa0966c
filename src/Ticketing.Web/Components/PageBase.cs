using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Ticketing.Web.Api;

namespace Ticketing.Web.Components;

/// <summary>What every server-rendered page needs: the request, the API client and the user.</summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] public ApiClient Api { get; set; } = default!;

    [Inject] public Session Session { get; set; } = default!;

    [Inject] public NavigationManager Nav { get; set; } = default!;

    public ApiProblem? Problem { get; set; }

    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

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

    /// <summary>A posted form field (plain HTML forms keep names short and predictable).</summary>
    protected string Form(string name) =>
        HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form[name].ToString().Trim() : "";

    protected StringValues FormValues(string name) =>
        HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form[name] : StringValues.Empty;

    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false })
        {
            HttpContext.Response.StatusCode = status;
        }
    }

    /// <summary>Only local paths, so a crafted link cannot send the user to another site after signing in.</summary>
    protected static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
