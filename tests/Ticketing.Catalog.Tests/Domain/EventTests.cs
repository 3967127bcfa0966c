using Ticketing.Catalog.Domain;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Domain;

public sealed class EventTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static EventDetails Details(string currency = "EUR") =>
        new("Show", "", "Hall", Now.AddDays(10), Now.AddDays(10).AddHours(3), currency);

    [Fact]
    public void Create_newEvent_isDraftAndHiddenFromOthers()
    {
        var organizer = Guid.NewGuid();
        var show = Event.Create(organizer, Details(), Now);

        Assert.Equal(EventStatuses.Draft, show.Status);
        Assert.True(show.IsVisibleTo(organizer));
        Assert.False(show.IsVisibleTo(Guid.NewGuid()));
        Assert.False(show.IsVisibleTo(null));
    }

    [Fact]
    public void Publish_draft_becomesVisibleToEveryone()
    {
        var show = Event.Create(Guid.NewGuid(), Details(), Now);

        Assert.Null(show.Publish(Now));

        Assert.Equal((EventStatuses.Published, 2), (show.Status, show.Version));
        Assert.True(show.IsVisibleTo(null));
    }

    [Fact]
    public void Publish_cancelled_isRefused()
    {
        var show = Event.Create(Guid.NewGuid(), Details(), Now);
        show.Cancel(Now);

        Assert.Equal("The event is cancelled.", show.Publish(Now));
        Assert.False(show.IsVisibleTo(null));
    }

    [Fact]
    public void Publish_draftWhoseStartHasLongPassed_isRefusedAndStaysDraft()
    {
        var show = Event.Create(Guid.NewGuid(), Details(), Now);

        Assert.Equal("The event has already started: move startsAt before publishing.", show.Publish(Now.AddDays(11)));
        Assert.Null(show.Publish(Now.AddDays(10).AddMinutes(30)));
        Assert.Equal(EventStatuses.Published, show.Status);
    }

    [Fact]
    public void Cancel_twice_cancelsOnce()
    {
        var show = Event.Create(Guid.NewGuid(), Details(), Now);

        Assert.True(show.Cancel(Now));
        Assert.False(show.Cancel(Now));
        Assert.Equal(2, show.Version);
    }

    [Fact]
    public void Update_currencyWithTickets_isRefused()
    {
        var show = Event.Create(Guid.NewGuid(), Details("EUR"), Now);

        Assert.NotNull(show.Update(Details("USD"), hasTickets: true, Now));
        Assert.Null(show.Update(Details("USD"), hasTickets: false, Now));
        Assert.Equal("USD", show.Currency);
    }

    [Fact]
    public void CreateAdmission_ofDraftEvent_isWithdrawnUntilPublished()
    {
        var show = Event.Create(Guid.NewGuid(), Details(), Now);
        var draftTicket = Ticket.CreateAdmission(show, "GA", null, 5000, Now);
        show.Publish(Now);
        var publishedTicket = Ticket.CreateAdmission(show, "GA", null, 5000, Now);

        Assert.Equal(TicketStatuses.Withdrawn, draftTicket.Status);
        Assert.Equal(TicketStatuses.Available, publishedTicket.Status);
        Assert.Equal((show.OrganizerId, "EUR"), (draftTicket.OwnerId, draftTicket.Currency));
    }

    [Fact]
    public void SeatPlan_sectionRowsAndSeats_labelsEverySeatOnce()
    {
        var labels = SeatPlan.Labels("Floor", ["A", "B"], 3).ToList();

        Assert.Equal(["Floor A-1", "Floor A-2", "Floor A-3", "Floor B-1", "Floor B-2", "Floor B-3"], labels);
        Assert.Equal(["A-1"], SeatPlan.Labels(null, ["A"], 1));
    }
}
