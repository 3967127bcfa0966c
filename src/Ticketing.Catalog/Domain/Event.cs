namespace Ticketing.Catalog.Domain;

internal static class EventStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";
}

/// <summary>A show that organizers sell admissions to; its tickets are separate rows (see <see cref="Ticket"/>).</summary>
internal sealed class Event
{
    public const int TitleMaxLength = 200;
    public const int VenueMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    /// <summary>How far in the past a new or newly published event may start: clock skew and a show that just began.</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromHours(1);

    /// <summary>A festival season fits; a 5,000-year event is a typo.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(3653);

    /// <summary>A day-long line is already an extreme on-sale; longer is a typo.</summary>
    public const int MaxWaitingRoomMinutes = 1440;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizerId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Venue { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public string Currency { get; private set; } = "";

    public string Status { get; private set; } = EventStatuses.Draft;

    public int Version { get; private set; } = 1;

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set once; an event that was never published stays invisible to everyone but its organizer, even when cancelled.</summary>
    public DateTime? PublishedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// Minutes from publication during which buyers are admitted through Ordering's waiting room
    /// (0: no waiting room). Fixed at publication: Ordering opened the room with it.
    /// </summary>
    public int WaitingRoomMinutes { get; private set; }

    public DateTime? WaitingRoomClosesAt => PublishedAt is { } opened && WaitingRoomMinutes > 0 ? opened.AddMinutes(WaitingRoomMinutes) : null;

    public bool IsVisibleTo(Guid? userId) => PublishedAt is not null || userId == OrganizerId;

    public static Event Create(Guid organizerId, EventDetails details, DateTime now)
    {
        var show = new Event { OrganizerId = organizerId, CreatedAt = now, UpdatedAt = now };
        show.Apply(details);
        return show;
    }

    /// <summary>Returns why the change is refused, or null once applied.</summary>
    public string? Update(EventDetails details, bool hasTickets, DateTime now)
    {
        if (Status == EventStatuses.Cancelled)
        {
            return "The event is cancelled.";
        }

        if (hasTickets && details.Currency != Currency)
        {
            // Existing tickets are priced in the old currency; converting them is not ours to guess.
            return "The currency cannot change once tickets exist.";
        }

        if (Status == EventStatuses.Published && details.WaitingRoomMinutes is { } minutes && minutes != WaitingRoomMinutes)
        {
            return "The waiting room is fixed once the event is published.";
        }

        Apply(details);
        Touch(now);
        return null;
    }

    /// <summary>Null when published (or already was); otherwise why not.</summary>
    public string? Publish(DateTime now)
    {
        switch (Status)
        {
            case EventStatuses.Cancelled:
                return "The event is cancelled.";
            case EventStatuses.Published:
                return null;
        }

        if (StartsAt < now - StartGrace)
        {
            return "The event has already started: move startsAt before publishing.";
        }

        Status = EventStatuses.Published;
        PublishedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>True when this call cancelled it; false when it already was (a repeated request).</summary>
    public bool Cancel(DateTime now)
    {
        if (Status == EventStatuses.Cancelled)
        {
            return false;
        }

        Status = EventStatuses.Cancelled;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Tickets were added: bumping the version makes a concurrent cancel or publish (which rewrites
    /// the inventory) conflict with the generation instead of missing the new rows.
    /// </summary>
    public void RecordInventoryChange(DateTime now) => Touch(now);

    private void Apply(EventDetails details)
    {
        Title = details.Title;
        Description = details.Description;
        Venue = details.Venue;
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        Currency = details.Currency;
        WaitingRoomMinutes = details.WaitingRoomMinutes ?? WaitingRoomMinutes;
    }

    private void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>The organizer-editable fields of an event, already validated.</summary>
/// <remarks><see cref="WaitingRoomMinutes"/> null keeps the current setting (an update that does not mention it).</remarks>
internal sealed record EventDetails(string Title, string Description, string Venue, DateTime StartsAt, DateTime EndsAt, string Currency, int? WaitingRoomMinutes = null);
