using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Domain;

public sealed class TicketTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Owner = Guid.NewGuid();

    private static Ticket NewTicket() => Ticket.CreateListing(Owner, "Concert", 2000, "USD", Now);

    [Fact]
    public void CreateListing_newTicket_isAvailableAtVersionOne()
    {
        var ticket = NewTicket();

        Assert.Equal(TicketStatuses.Available, ticket.Status);
        Assert.Equal(1, ticket.Version);
        Assert.Null(ticket.OrderId);
    }

    [Fact]
    public void Edit_available_changesFieldsAndBumpsVersion()
    {
        var ticket = NewTicket();

        Assert.Null(ticket.Edit("Opera", 3000, Now));

        Assert.Equal(("Opera", 3000L, 2), (ticket.Title, ticket.PriceMinor, ticket.Version));
    }

    [Fact]
    public void Edit_reserved_isRefusedAndChangesNothing()
    {
        var ticket = NewTicket();
        ticket.Reserve(Guid.NewGuid(), Now);

        Assert.Equal("The ticket is reserved.", ticket.Edit("Opera", 3000, Now));
        Assert.Equal(("Concert", 2000L, 2), (ticket.Title, ticket.PriceMinor, ticket.Version));
    }

    [Fact]
    public void Reserve_sameOrderTwice_changesOnce()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();

        Assert.Equal(TicketChange.Changed, ticket.Reserve(order, Now));
        Assert.Equal(TicketChange.Unchanged, ticket.Reserve(order, Now));
        Assert.Equal((TicketStatuses.Reserved, order, 2), (ticket.Status, ticket.OrderId, ticket.Version));
    }

    [Fact]
    public void Reserve_heldByAnotherOrder_isRefused()
    {
        var ticket = NewTicket();
        var first = Guid.NewGuid();
        ticket.Reserve(first, Now);

        Assert.Equal(TicketChange.Refused, ticket.Reserve(Guid.NewGuid(), Now));
        Assert.Equal(first, ticket.OrderId);
    }

    [Fact]
    public void Release_byHoldingOrder_putsBackOnSale()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        ticket.Reserve(order, Now);

        Assert.Equal(TicketChange.Changed, ticket.Release(order, eventCancelled: false, Now));
        Assert.Equal((TicketStatuses.Available, (Guid?)null, 3), (ticket.Status, ticket.OrderId, ticket.Version));
    }

    [Fact]
    public void Release_ofCancelledEvent_withdrawsInsteadOfReselling()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        ticket.Reserve(order, Now);

        ticket.Release(order, eventCancelled: true, Now);

        Assert.Equal(TicketStatuses.Withdrawn, ticket.Status);
    }

    [Fact]
    public void Release_byOtherOrder_leavesHoldInPlace()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        ticket.Reserve(order, Now);

        Assert.Equal(TicketChange.Unchanged, ticket.Release(Guid.NewGuid(), eventCancelled: false, Now));
        Assert.Equal((TicketStatuses.Reserved, order), (ticket.Status, ticket.OrderId));
    }

    [Fact]
    public void MarkSold_reservedByOrder_recordsBuyer()
    {
        var ticket = NewTicket();
        var (order, buyer) = (Guid.NewGuid(), Guid.NewGuid());
        ticket.Reserve(order, Now);

        Assert.Equal(TicketChange.Changed, ticket.MarkSold(order, buyer, Now));
        Assert.Equal(TicketChange.Unchanged, ticket.MarkSold(order, buyer, Now));
        Assert.Equal((TicketStatuses.Sold, buyer, 3), (ticket.Status, ticket.BuyerId, ticket.Version));
    }

    [Fact]
    public void MarkSold_heldByAnotherOrder_isRefused()
    {
        var ticket = NewTicket();
        var holder = Guid.NewGuid();
        ticket.Reserve(holder, Now);

        Assert.Equal(TicketChange.Refused, ticket.MarkSold(Guid.NewGuid(), Guid.NewGuid(), Now));
        Assert.Equal((TicketStatuses.Reserved, holder), (ticket.Status, ticket.OrderId));
    }

    [Fact]
    public void Release_sold_isRefusedAndStaysSold()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        ticket.MarkSold(order, Guid.NewGuid(), Now);

        Assert.Equal(TicketChange.Refused, ticket.Release(order, eventCancelled: false, Now));
        Assert.Equal(TicketStatuses.Sold, ticket.Status);
    }

    [Fact]
    public void Release_soldOfCancelledEvent_withdrawsIt()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        ticket.MarkSold(order, Guid.NewGuid(), Now);

        Assert.Equal(TicketChange.Changed, ticket.Release(order, eventCancelled: true, Now));
        Assert.Equal((TicketStatuses.Withdrawn, (Guid?)null, 3), (ticket.Status, ticket.OrderId, ticket.Version));
        Assert.Equal(TicketChange.Unchanged, ticket.Release(order, eventCancelled: true, Now));
    }

    [Fact]
    public void Changes_eachOne_publishStrictlyIncreasingVersions()
    {
        var ticket = NewTicket();
        var order = Guid.NewGuid();
        var versions = new List<int> { ticket.ToCreated().Version };

        ticket.Edit("Opera", 2500, Now);
        versions.Add(ticket.ToUpdated().Version);
        ticket.Reserve(order, Now);
        versions.Add(ticket.ToUpdated().Version);
        ticket.Release(order, eventCancelled: false, Now);
        versions.Add(ticket.ToUpdated().Version);
        ticket.MarkSold(Guid.NewGuid(), Guid.NewGuid(), Now);
        versions.Add(ticket.ToUpdated().Version);

        Assert.Equal([1, 2, 3, 4, 5], versions);
    }
}
