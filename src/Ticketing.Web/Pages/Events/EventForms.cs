using System.Globalization;

namespace Ticketing.Web.Pages.Events;

/// <summary>The seat map's form: one checkbox per free seat, all named <c>Pick.TicketIds</c>.</summary>
public sealed class SeatPickForm
{
    public List<string>? TicketIds { get; set; }

    /// <summary>The picked tickets; anything that is not a ticket id is dropped.</summary>
    public List<Guid> Picked() =>
        (TicketIds ?? []).Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
}

/// <summary>The general-admission form: a tier and a quantity.</summary>
public sealed class GeneralAdmissionForm
{
    public string? Tier { get; set; }

    public string? Quantity { get; set; }

    /// <summary>Null when not a number, so the API names the field in its own words.</summary>
    public int? ParsedQuantity => int.TryParse(Quantity?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : null;
}
