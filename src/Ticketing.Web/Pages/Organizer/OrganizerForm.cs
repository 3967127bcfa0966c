using System.Globalization;
using Ticketing.Web.Api;
using Ticketing.Web.Pages.Tickets;

namespace Ticketing.Web.Pages.Organizer;

internal static class OrganizerForm
{
    /// <summary>A datetime-local value read as UTC (the form says so), or null for the API to reject.</summary>
    public static DateTimeOffset? Utc(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    public static int? Int(string? text) => int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string[] Rows(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Text(string? text) => text?.Trim() ?? "";
}

/// <summary>The create-event form (<c>Input.Title</c> and so on); values stay as typed so a refused form shows them again.</summary>
public sealed class EventForm
{
    public string? Title { get; set; }

    public string? Venue { get; set; }

    public string? Description { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? Currency { get; set; }

    public string? WaitingRoomMinutes { get; set; }

    // An unreadable number goes as -1, so the API names the field instead of silently meaning "none".
    public EventRequest ToRequest() => new(
        OrganizerForm.Text(Title), OrganizerForm.Text(Venue), OrganizerForm.Text(Description),
        OrganizerForm.Utc(StartsAt), OrganizerForm.Utc(EndsAt), OrganizerForm.Text(Currency).ToUpperInvariant(),
        OrganizerForm.Text(WaitingRoomMinutes) is { Length: > 0 } minutes ? OrganizerForm.Int(minutes) ?? -1 : 0);
}

/// <summary>The reserved-seating form (<c>Seats.Tier</c> and so on).</summary>
public sealed class SeatsForm
{
    public string? Tier { get; set; }

    public string? Price { get; set; }

    public string? Section { get; set; }

    public string? Rows { get; set; }

    public string? SeatsPerRow { get; set; }

    public SeatsRequest ToRequest() => new(
        OrganizerForm.Text(Tier), TicketForm.Price(Price), OrganizerForm.Text(Section) is { Length: > 0 } s ? s : null,
        OrganizerForm.Rows(Rows), OrganizerForm.Int(SeatsPerRow));
}

/// <summary>The general-admission form (<c>General.Tier</c> and so on).</summary>
public sealed class GeneralForm
{
    public string? Tier { get; set; }

    public string? Price { get; set; }

    public string? Quantity { get; set; }

    public GeneralAdmissionRequest ToRequest() => new(OrganizerForm.Text(Tier), TicketForm.Price(Price), OrganizerForm.Int(Quantity) ?? 0);
}
