namespace Ticketing.Web.Pages;

/// <summary>The sign-up and sign-in forms; the inputs are named <c>Input.Email</c> and so on.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public string TrimmedEmail => Email?.Trim() ?? "";
}
