using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>A tier as buyers see it: from-price, how many admissions it has and how many are still on sale.</summary>
internal sealed record TierResponse(string Tier, decimal Price, decimal MaxPrice, int Capacity, int Available);

internal sealed record EventResponse(
    Guid Id,
    Guid OrganizerId,
    string Title,
    string Description,
    string Venue,
    DateTime StartsAt,
    DateTime EndsAt,
    string Currency,
    string Status,
    int Version,
    int WaitingRoomMinutes,
    DateTime? WaitingRoomClosesAt,
    IReadOnlyList<TierResponse> Tiers)
{
    public static EventResponse From(Event e, IReadOnlyList<TierResponse> tiers) =>
        new(e.Id, e.OrganizerId, e.Title, e.Description, e.Venue, e.StartsAt, e.EndsAt, e.Currency, e.Status, e.Version,
            e.WaitingRoomMinutes, e.WaitingRoomClosesAt, tiers);
}

/// <summary>Body of <c>POST</c> and <c>PUT /api/events</c>.</summary>
internal sealed record EventRequest(
    string? Title, string? Description, string? Venue, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Currency, int? WaitingRoomMinutes = null);

internal static class EventRules
{
    /// <summary><paramref name="currentStart"/> is the stored start on update: an event already under way may still be edited if its start stays.</summary>
    public static EventDetails? Check(Validation validation, EventRequest request, DateTime now, DateTime? currentStart = null)
    {
        var title = validation.SingleLine(request.Title, "title", Event.TitleMaxLength);
        var description = validation.MultiLine(request.Description, "description", Event.DescriptionMaxLength);
        var venue = validation.SingleLine(request.Venue, "venue", Event.VenueMaxLength);
        validation.Require(request.StartsAt is not null, "startsAt", "The start time is required (ISO 8601 with an offset).");
        validation.Require(request.EndsAt is not null, "endsAt", "The end time is required (ISO 8601 with an offset).");
        if (request.StartsAt?.UtcDateTime is { } starts && starts != currentStart)
        {
            validation.Require(starts >= now - Event.StartGrace, "startsAt", $"The start time must not be in the past (by more than {Event.StartGrace.TotalMinutes:0} minutes).");
            validation.Require(starts <= now + Event.MaxLeadTime, "startsAt", $"The start time must be at most {Event.MaxLeadTime.TotalDays / 365:0} years ahead.");
        }

        if (request.StartsAt is { } start && request.EndsAt is { } ends)
        {
            validation.Require(ends > start, "endsAt", "The end time must be after the start time.");
            validation.Require(ends - start <= Event.MaxDuration, "endsAt", $"An event lasts at most {Event.MaxDuration.TotalDays:0} days.");
        }

        validation.Require(Money.IsKnownCurrency(request.Currency), "currency", "The currency must be an ISO 4217 code in upper case, e.g. EUR.");
        validation.Require(request.WaitingRoomMinutes is null or (>= 0 and <= Event.MaxWaitingRoomMinutes), "waitingRoomMinutes",
            $"The waiting room minutes must be between 0 (no waiting room) and {Event.MaxWaitingRoomMinutes}.");
        return validation.IsValid
            ? new EventDetails(title, description, venue, request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime, request.Currency!,
                request.WaitingRoomMinutes)
            : null;
    }
}

internal static class Tiers
{
    /// <summary>Live tier figures, counted from the ticket rows themselves so they can never drift from the inventory.</summary>
    public static async Task<Dictionary<Guid, List<TierResponse>>> OfAsync(CatalogDbContext db, IReadOnlyCollection<Event> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId != null && ids.Contains(t.EventId.Value))
            .GroupBy(t => new { t.EventId, t.Tier })
            .Select(g => new
            {
                g.Key.EventId,
                g.Key.Tier,
                MinPrice = g.Min(t => t.PriceMinor),
                MaxPrice = g.Max(t => t.PriceMinor),
                Capacity = g.Count(),
                Available = g.Count(t => t.Status == TicketStatuses.Available),
            })
            .ToListAsync(cancellationToken);
        var currencies = events.ToDictionary(e => e.Id, e => e.Currency);
        return events.ToDictionary(
            e => e.Id,
            e => rows.Where(r => r.EventId == e.Id)
                .OrderBy(r => r.MinPrice).ThenBy(r => r.Tier, StringComparer.Ordinal)
                .Select(r => new TierResponse(r.Tier ?? "", Money.ToMajor(r.MinPrice, currencies[e.Id]), Money.ToMajor(r.MaxPrice, currencies[e.Id]), r.Capacity, r.Available))
                .ToList());
    }

    public static async Task<EventResponse> ResponseAsync(CatalogDbContext db, Event show, CancellationToken cancellationToken) =>
        EventResponse.From(show, (await OfAsync(db, [show], cancellationToken))[show.Id]);
}
