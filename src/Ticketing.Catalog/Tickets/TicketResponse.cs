using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Tickets;

/// <summary>
/// A ticket as the API shows it. The first eight fields are the seed's shape (<c>userId</c> is the
/// owner); the rest are additions for event inventory.
/// </summary>
internal sealed record TicketResponse(
    Guid Id,
    string Title,
    decimal Price,
    string Currency,
    Guid UserId,
    int Version,
    Guid? OrderId,
    Guid? EventId,
    string? Tier,
    string? Seat,
    string Status)
{
    public static TicketResponse From(Ticket t) =>
        new(t.Id, t.Title, Money.ToMajor(t.PriceMinor, t.Currency), t.Currency, t.OwnerId, t.Version, t.OrderId, t.EventId, t.Tier, t.Seat, t.Status);
}

/// <summary>Body of <c>POST</c> and <c>PUT /api/tickets</c>.</summary>
/// <param name="Currency">Only read on create; defaults to the configured currency.</param>
/// <param name="Version">Optional on update: the version the client last read, refused with 409 if stale.</param>
internal sealed record TicketRequest(string? Title, decimal? Price, string? Currency = null, int? Version = null);

internal static class TicketRules
{
    /// <summary>Adds field errors for title and price; returns the cleaned title and minor units when valid.</summary>
    public static (string Title, long PriceMinor) Check(Validation validation, string? title, decimal? price, string currency)
    {
        var trimmed = validation.SingleLine(title, "title", Ticket.TitleMaxLength);
        long? minor = price is { } p ? Money.ToMinor(p, currency) : null;
        validation.Require(minor is not null, "price", Money.DescribePriceRule(currency));
        return (trimmed, minor ?? 0);
    }
}
