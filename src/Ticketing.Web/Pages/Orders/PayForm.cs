namespace Ticketing.Web.Pages.Orders;

/// <summary>The sandbox card form (<c>Input.Card</c>).</summary>
public sealed class PayForm
{
    public string? Card { get; set; }
}
