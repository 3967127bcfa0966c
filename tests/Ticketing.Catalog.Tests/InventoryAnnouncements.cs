using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests;

internal static class InventoryAnnouncements
{
    /// <summary>The ticket states Catalog announced in bulk (TicketsChanged) for one event, in publishing order.</summary>
    public static async Task<List<TicketState>> OfEventAsync(this TestPlatform platform, Guid eventId) =>
        (await platform.BlocksMentioningAsync(eventId)).SelectMany(b => b.Tickets).Where(t => t.EventId == eventId).ToList();

    /// <summary>The TicketsChanged events whose payload names <paramref name="id"/> (an event, ticket or order), in publishing order.</summary>
    public static Task<List<TicketsChanged>> BlocksMentioningAsync(this TestPlatform platform, Guid id) =>
        platform.WithScopeAsync<CatalogDbContext, List<TicketsChanged>>(async db =>
            (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.EventType == nameof(TicketsChanged) && m.Payload.Contains(id.ToString()))
                .OrderBy(m => m.Sequence)
                .ToListAsync())
            .Select(m => JsonSerializer.Deserialize<TicketsChanged>(m.Payload, MessageSerializer.Options)!)
            .ToList());

    /// <summary>Single-ticket events (TicketCreated, TicketUpdated) of one event's tickets.</summary>
    public static Task<int> SingleTicketEventsAsync(this TestPlatform platform, Guid eventId) =>
        platform.WithScopeAsync<CatalogDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            (m.EventType == nameof(TicketCreated) || m.EventType == nameof(TicketUpdated)) && m.Payload.Contains(eventId.ToString())));
}
