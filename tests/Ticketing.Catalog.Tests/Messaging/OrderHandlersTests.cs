using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Messaging;

/// <summary>Order events delivered through the real dispatcher (inbox, transaction) on a real database.</summary>
public sealed class OrderHandlersTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly TestPlatform _platform = fixture.Platform;
    private readonly EventDispatcher _dispatcher = fixture.Platform.Services.GetRequiredService<EventDispatcher>();

    [Fact]
    public async Task OrderCreated_deliveredTwice_reservesOnceAndAnnouncesNothing()
    {
        var ticket = await SeedTicketAsync();
        var order = Guid.NewGuid();
        var envelope = Envelope(Created(order, ticket));

        await DeliverAsync(envelope);
        await DeliverAsync(envelope);

        var stored = await LoadAsync(ticket.Id);
        Assert.Equal((TicketStatuses.Reserved, order, 2), (stored.Status, stored.OrderId, stored.Version));
        // Holds are Ordering's decision: Catalog's reservation is not announced back to it.
        Assert.Empty(await UpdatesOfAsync(ticket.Id));
    }

    [Fact]
    public async Task OrderCompleted_threeTickets_announcesTheSaleInOneEvent()
    {
        var tickets = new[] { await SeedTicketAsync(), await SeedTicketAsync(), await SeedTicketAsync() };
        var (order, buyer) = (Guid.NewGuid(), Guid.NewGuid());
        await DeliverAsync(Envelope(new OrderCreated(order, 1, buyer, DateTimeOffset.UtcNow.AddMinutes(15), 6000, "USD",
            tickets.Select(t => new OrderedTicket(t.Id, t.PriceMinor)).ToList())));

        await DeliverAsync(Envelope(new OrderCompleted(order, 2, buyer, 6000, "USD", tickets.Select(t => t.Id).ToList())));

        var announced = Assert.Single(await _platform.BlocksMentioningAsync(order));
        Assert.Equal(tickets.Select(t => t.Id).Order(), announced.Tickets.Select(t => t.TicketId).Order());
        Assert.All(announced.Tickets, t => Assert.Equal((TicketStatuses.Sold, 3), (t.Status, t.Version)));
    }

    [Fact]
    public async Task OrderCreated_republishedWithNewEventId_reservesOnce()
    {
        var ticket = await SeedTicketAsync();
        var order = Guid.NewGuid();

        await DeliverAsync(Envelope(Created(order, ticket)));
        await DeliverAsync(Envelope(Created(order, ticket)));

        Assert.Equal(2, (await LoadAsync(ticket.Id)).Version);
        Assert.Empty(await UpdatesOfAsync(ticket.Id));
    }

    [Fact]
    public async Task OrderCreated_ticketHeldByOtherOrder_leavesItWithFirstOrder()
    {
        var ticket = await SeedTicketAsync();
        var first = Guid.NewGuid();

        await DeliverAsync(Envelope(Created(first, ticket)));
        await DeliverAsync(Envelope(Created(Guid.NewGuid(), ticket)));

        var stored = await LoadAsync(ticket.Id);
        Assert.Equal((first, 2), (stored.OrderId, stored.Version));
    }

    [Fact]
    public async Task OrderCancelled_deliveredTwice_releasesOnce()
    {
        var ticket = await SeedTicketAsync();
        var order = Guid.NewGuid();
        await DeliverAsync(Envelope(Created(order, ticket)));
        var cancelled = Envelope(new OrderCancelled(order, 2, Guid.NewGuid(), [ticket.Id], CancellationReasons.Expired));

        await DeliverAsync(cancelled);
        await DeliverAsync(cancelled);

        var stored = await LoadAsync(ticket.Id);
        Assert.Equal((TicketStatuses.Available, (Guid?)null, 3), (stored.Status, stored.OrderId, stored.Version));
        // Back on sale is what Ordering's replica has had all along: nothing to announce.
        Assert.Empty(await UpdatesOfAsync(ticket.Id));
    }

    [Fact]
    public async Task OrderCompleted_deliveredTwice_sellsOnceToBuyer()
    {
        var ticket = await SeedTicketAsync();
        var (order, buyer) = (Guid.NewGuid(), Guid.NewGuid());
        await DeliverAsync(Envelope(Created(order, ticket)));
        var completed = Envelope(new OrderCompleted(order, 2, buyer, 2000, "USD", [ticket.Id]));

        await DeliverAsync(completed);
        await DeliverAsync(completed);

        var stored = await LoadAsync(ticket.Id);
        Assert.Equal((TicketStatuses.Sold, buyer, 3), (stored.Status, stored.BuyerId, stored.Version));
    }

    [Fact]
    public async Task TicketLifecycle_heldReleasedHeldSold_onlyTheSaleIsAnnouncedAtTheNewestVersion()
    {
        var ticket = await SeedTicketAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await DeliverAsync(Envelope(Created(first, ticket)));
        await DeliverAsync(Envelope(new OrderCancelled(first, 2, Guid.NewGuid(), [ticket.Id], CancellationReasons.Buyer)));
        await DeliverAsync(Envelope(Created(second, ticket)));
        await DeliverAsync(Envelope(new OrderCompleted(second, 2, Guid.NewGuid(), 2000, "USD", [ticket.Id])));

        var updates = await UpdatesOfAsync(ticket.Id);
        Assert.Equal((5, TicketStatuses.Sold), (Assert.Single(updates).Version, updates[0].Status));
        Assert.Equal(5, (await LoadAsync(ticket.Id)).Version);
    }

    [Fact]
    public async Task OrderCancelled_ticketOfCancelledEvent_isWithdrawnNotResold()
    {
        var show = Event.Create(Guid.NewGuid(), new EventDetails("Show", "", "Hall", Now.AddDays(5), Now.AddDays(6), "USD"), Now);
        show.Publish(Now);
        var ticket = Ticket.CreateAdmission(show, "GA", null, 2000, Now);
        var order = Guid.NewGuid();
        await WithDbAsync(async db =>
        {
            db.Events.Add(show);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        });
        await DeliverAsync(Envelope(Created(order, ticket)));
        await WithDbAsync(async db =>
        {
            var stored = await db.Events.SingleAsync(e => e.Id == show.Id);
            stored.Cancel(Now);
            await db.SaveChangesAsync();
        });

        await DeliverAsync(Envelope(new OrderCancelled(order, 2, Guid.NewGuid(), [ticket.Id], CancellationReasons.Expired)));

        Assert.Equal(TicketStatuses.Withdrawn, (await LoadAsync(ticket.Id)).Status);
        // A withdrawal blocks new holds in Ordering, so unlike a release it is announced.
        Assert.Equal([TicketStatuses.Withdrawn], (await UpdatesOfAsync(ticket.Id)).Select(u => u.Status));
    }

    [Fact]
    public async Task OrderCancelled_eventCancelledForSoldTicket_deliveredTwice_withdrawsItOnce()
    {
        var show = Event.Create(Guid.NewGuid(), new EventDetails("Show", "", "Hall", Now.AddDays(5), Now.AddDays(6), "USD"), Now);
        show.Publish(Now);
        var ticket = Ticket.CreateAdmission(show, "GA", null, 2000, Now);
        var order = Guid.NewGuid();
        await WithDbAsync(async db =>
        {
            db.Events.Add(show);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        });
        await DeliverAsync(Envelope(new OrderCompleted(order, 2, Guid.NewGuid(), 2000, "USD", [ticket.Id])));
        await WithDbAsync(async db =>
        {
            (await db.Events.SingleAsync(e => e.Id == show.Id)).Cancel(Now);
            await db.SaveChangesAsync();
        });
        var cancelled = new OrderCancelled(order, 3, Guid.NewGuid(), [ticket.Id], CancellationReasons.EventCancelled);

        await DeliverAsync(Envelope(cancelled));
        await DeliverAsync(Envelope(cancelled));
        await DeliverAsync(Envelope(cancelled with { Id = Guid.NewGuid() }));

        var stored = await LoadAsync(ticket.Id);
        Assert.Equal((TicketStatuses.Withdrawn, (Guid?)null, 3), (stored.Status, stored.OrderId, stored.Version));
        Assert.Equal([TicketStatuses.Sold, TicketStatuses.Withdrawn], (await UpdatesOfAsync(ticket.Id)).Select(u => u.Status));
    }

    private static OrderCreated Created(Guid order, Ticket ticket) =>
        new(order, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15), ticket.PriceMinor, ticket.Currency, [new OrderedTicket(ticket.Id, ticket.PriceMinor)]);

    private static MessageEnvelope Envelope(IntegrationEvent integrationEvent) => OutboxMessage.From(integrationEvent).ToEnvelope();

    private async Task DeliverAsync(MessageEnvelope envelope) =>
        Assert.Equal(DispatchOutcome.Handled, await _dispatcher.DispatchAsync(CatalogModule.ServiceName, envelope, CancellationToken.None));

    private async Task<Ticket> SeedTicketAsync()
    {
        var ticket = Ticket.CreateListing(Guid.NewGuid(), "Concert", 2000, "USD", Now);
        await WithDbAsync(async db =>
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        });
        return ticket;
    }

    private Task<Ticket> LoadAsync(Guid id) =>
        _platform.WithScopeAsync<CatalogDbContext, Ticket>(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));

    /// <summary>The states of one ticket announced by order handlers (TicketsChanged), in publishing order.</summary>
    private async Task<List<TicketState>> UpdatesOfAsync(Guid ticketId) =>
        (await _platform.BlocksMentioningAsync(ticketId)).SelectMany(b => b.Tickets).Where(u => u.TicketId == ticketId).ToList();

    private Task WithDbAsync(Func<CatalogDbContext, Task> work) =>
        _platform.WithScopeAsync<CatalogDbContext, bool>(async db =>
        {
            await work(db);
            return true;
        });
}
