namespace Ticketing.Web.Pages;

/// <summary>The gate's form (<c>Input.Code</c>): the scanned or typed pass code.</summary>
public sealed class CheckInForm
{
    public string? Code { get; set; }
}

/// <summary>The transfer form on My tickets (<c>Input.PassId</c>, <c>Input.Email</c>).</summary>
public sealed class TransferForm
{
    public string? PassId { get; set; }

    public string? Email { get; set; }
}
