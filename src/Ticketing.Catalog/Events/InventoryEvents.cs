using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Events;

/// <summary>
/// Announces inventory moved in bulk (a generated block, an event put on or off sale) as
/// TicketsChanged events: Ordering applies a thousand tickets with a few statements instead of a
/// thousand handler runs, which had a 100,000-unit tier on sale there after minutes.
/// Single-ticket changes (holds, sales, resale listings) keep their own TicketUpdated.
/// </summary>
internal static class InventoryEvents
{
    /// <summary>Outbox rows for <see cref="BulkInsert"/>, one per block.</summary>
    public static List<OutboxMessage> Announce(IEnumerable<Ticket> tickets) => Blocks(tickets).Select(OutboxMessage.From).ToList();

    /// <summary>The tickets' states, <see cref="TicketsChanged.MaxTickets"/> per event.</summary>
    public static IEnumerable<TicketsChanged> Blocks(IEnumerable<Ticket> tickets) =>
        tickets.Chunk(TicketsChanged.MaxTickets).Select(chunk => new TicketsChanged(chunk.Select(t => t.ToState()).ToList()));
}
