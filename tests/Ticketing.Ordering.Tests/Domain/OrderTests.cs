using Ticketing.Ordering.Domain;

namespace Ticketing.Ordering.Tests.Domain;

public sealed class OrderTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static OrderTicket Line(long price = 1000, string currency = "EUR") =>
        new() { TicketId = Guid.NewGuid(), Title = "Concert", PriceMinor = price, Currency = currency };

    [Fact]
    public void Create_twoLines_sumsTotalAndSetsHold()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line(1000), Line(2500)], Now, TimeSpan.FromMinutes(15));

        Assert.Equal(OrderStatuses.Created, order.Status);
        Assert.Equal(3500, order.TotalMinor);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(Now.AddMinutes(15), order.ExpiresAt);
        Assert.All(order.Tickets, t => Assert.Equal(order.Id, t.OrderId));
    }

    [Fact]
    public void Create_mixedCurrencies_throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line(currency: "EUR"), Line(currency: "USD")], Now, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Create_noLines_throws()
    {
        Assert.Throws<ArgumentException>(() => Order.Create(Guid.NewGuid(), Guid.NewGuid(), [], Now, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Create_sameTicketTwice_throws()
    {
        var line = Line();
        var again = new OrderTicket { TicketId = line.TicketId, Title = "Concert", PriceMinor = 1000, Currency = "EUR" };

        Assert.Throws<ArgumentException>(() => Order.Create(Guid.NewGuid(), Guid.NewGuid(), [line, again], Now, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Cancel_created_cancelsAndBumpsVersion()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));

        Assert.True(order.Cancel());
        Assert.Equal(OrderStatuses.Cancelled, order.Status);
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public void Cancel_complete_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));
        order.Complete();

        Assert.False(order.Cancel());
        Assert.Equal(OrderStatuses.Complete, order.Status);
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public void Complete_cancelled_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));
        order.Cancel();

        Assert.False(order.Complete());
        Assert.Equal(OrderStatuses.Cancelled, order.Status);
    }

    [Fact]
    public void Complete_twice_secondIsNoOp()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));

        Assert.True(order.Complete());
        Assert.False(order.Complete());
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public void CancelForCancelledEvent_complete_cancelsAndBumpsVersion()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));
        order.Complete();

        Assert.True(order.CancelForCancelledEvent());
        Assert.Equal((OrderStatuses.Cancelled, 3), (order.Status, order.Version));
    }

    [Fact]
    public void CancelForCancelledEvent_created_cancels()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));

        Assert.True(order.CancelForCancelledEvent());
        Assert.Equal((OrderStatuses.Cancelled, 2), (order.Status, order.Version));
    }

    [Fact]
    public void CancelForCancelledEvent_alreadyCancelled_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));
        order.Cancel();

        Assert.False(order.CancelForCancelledEvent());
        Assert.False(order.Complete());
        Assert.Equal((OrderStatuses.Cancelled, 2), (order.Status, order.Version));
    }

    [Theory]
    [InlineData(new[] { "EUR", "EUR" }, "EUR")]
    [InlineData(new[] { "EUR", "USD" }, null)]
    [InlineData(new string[0], null)]
    public void SharedCurrency_returnsTheOneCurrencyOrNull(string[] currencies, string? expected)
    {
        Assert.Equal(expected, Order.SharedCurrency(currencies));
    }

    [Fact]
    public void ExtendHoldForPayment_holdEndingWithinTheWindow_extendsOnceAndBumpsVersion()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromSeconds(20));
        var paying = Now.AddSeconds(15);

        Assert.True(order.ExtendHoldForPayment(paying, TimeSpan.FromMinutes(5)));
        Assert.False(order.ExtendHoldForPayment(paying.AddMinutes(4), TimeSpan.FromMinutes(5)));

        Assert.Equal(paying.AddMinutes(5), order.ExpiresAt);
        Assert.Equal(paying, order.PaymentStartedAt);
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public void ExtendHoldForPayment_holdOutlastingTheWindow_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromMinutes(15));

        Assert.False(order.ExtendHoldForPayment(Now.AddMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.Equal((Now.AddMinutes(15), 1, (DateTime?)null), (order.ExpiresAt, order.Version, order.PaymentStartedAt));
    }

    [Fact]
    public void ExtendHoldForPayment_holdAlreadyOver_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromSeconds(20));

        Assert.False(order.ExtendHoldForPayment(Now.AddSeconds(20), TimeSpan.FromMinutes(5)));
        Assert.Equal(Now.AddSeconds(20), order.ExpiresAt);
    }

    [Fact]
    public void ExtendHoldForPayment_cancelledOrder_changesNothing()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromSeconds(20));
        order.Cancel();

        Assert.False(order.ExtendHoldForPayment(Now.AddSeconds(5), TimeSpan.FromMinutes(5)));
        Assert.Equal(Now.AddSeconds(20), order.ExpiresAt);
    }

    [Fact]
    public void IsDue_timerOfTheHoldBeforeItsExtension_isNotDue()
    {
        var order = Order.Create(Guid.NewGuid(), Guid.NewGuid(), [Line()], Now, TimeSpan.FromSeconds(20));
        var firstDeadline = order.ExpiresAt;
        order.ExtendHoldForPayment(Now.AddSeconds(15), TimeSpan.FromMinutes(5));

        Assert.False(order.IsDue(firstDeadline));
        // The extended hold's own timer, as a database that keeps microseconds gives it back.
        Assert.True(order.IsDue(order.ExpiresAt.AddTicks(-(order.ExpiresAt.Ticks % 10))));
        Assert.True(order.IsDue(null));
    }
}
