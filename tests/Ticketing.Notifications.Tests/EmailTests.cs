using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Notifications.Tests;

public sealed class EmailTests
{
    private static readonly Guid Buyer = Guid.NewGuid();

    private static OrderCreated Created(Guid orderId) =>
        new(orderId, 1, Buyer, DateTimeOffset.UtcNow.AddMinutes(15), 5000, "EUR",
            [new OrderedTicket(Guid.NewGuid(), 2500, "Concert", "A-1", "Floor"), new OrderedTicket(Guid.NewGuid(), 2500, "Concert", "A-2", "Floor")]);

    private static PassesIssued Issued(Guid orderId, Guid user, int count) =>
        new(orderId, user, Enumerable.Range(1, count)
            .Select(i => new IssuedPass(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Concert", $"A-{i}", "Floor", $"code-{i}-{Guid.NewGuid():N}"))
            .ToList());

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string MailFolder(TestPlatform platform) => Path.Combine(platform.DataDirectory, "mail");

    private static int MailCount(TestPlatform platform) =>
        Directory.Exists(MailFolder(platform)) ? Directory.GetFiles(MailFolder(platform), "*.eml").Length : 0;

    [Fact]
    public async Task CompletedOrder_eventsDeliveredTwice_writeOneEmailWithQrCodesAndOneNotification()
    {
        await using var platform = new TestPlatform();
        _ = platform.Services;
        var orderId = Guid.NewGuid();
        await platform.DeliverAsync("notifications", new UserRegistered(Buyer, "buyer@example.com"));
        await platform.DeliverAsync("notifications", Created(orderId));
        var completed = new OrderCompleted(orderId, 2, Buyer, 5000, "EUR", []);
        var issued = Issued(orderId, Buyer, 2);

        await platform.DeliverAsync("notifications", completed);
        await platform.DeliverAsync("notifications", issued);
        await platform.DeliverAsync("notifications", completed);
        await platform.DeliverAsync("notifications", issued);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailCount(platform) == 1), TimeSpan.FromSeconds(60)));
        await Task.Delay(1500); // one more sender cycle: a second message would have appeared by now
        Assert.Equal(1, MailCount(platform));
        var mail = await File.ReadAllTextAsync(Directory.GetFiles(MailFolder(platform), "*.eml")[0]);
        Assert.Contains("buyer@example.com", mail);
        Assert.Contains("Your tickets are confirmed", mail);
        Assert.Contains("50.00 EUR", mail);
        Assert.Equal(2, CountOf(mail, "Content-Type: image/png"));
        Assert.Contains("pass-2.png", mail);
        Assert.Equal(1, await platform.WithScopeAsync<NotificationsDbContext, int>(db => db.Notifications.CountAsync(n => n.UserId == Buyer)));
    }

    [Fact]
    public async Task PassesIssued_addressKnownOnlyLater_isSentOnceItArrives()
    {
        await using var platform = new TestPlatform().With("Notifications:Email:PollInterval", "00:00:00.100");
        _ = platform.Services;
        var lateUser = Guid.NewGuid();

        await platform.DeliverAsync("notifications", Issued(Guid.NewGuid(), lateUser, 1));
        await Task.Delay(400);
        Assert.Equal(0, MailCount(platform));
        await platform.DeliverAsync("notifications", new UserRegistered(lateUser, "late@example.com"));

        // The first retry waits 2 s (back-off after the failed attempt), then the message goes out.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailCount(platform) == 1), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task PassTransferred_deliveredTwice_tellsBothUsersOnceAndSendsTheNewCode()
    {
        await using var sink = new SmtpSink();
        await using var platform = new TestPlatform()
            .With("Notifications:Email:SmtpHost", "127.0.0.1")
            .With("Notifications:Email:SmtpPort", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _ = platform.Services;
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        await platform.DeliverAsync("notifications", new UserRegistered(from, "giver@example.com"));
        await platform.DeliverAsync("notifications", new UserRegistered(to, "friend@example.com"));
        var transferred = new PassTransferred(from, to, 2, Issued(Guid.NewGuid(), from, 1).Passes[0]);

        await platform.DeliverAsync("notifications", transferred);
        await platform.DeliverAsync("notifications", transferred);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(sink.Messages.Count == 2)));
        await Task.Delay(1500);
        var messages = sink.Messages.ToList();
        Assert.Equal(2, messages.Count);
        var toFriend = Assert.Single(messages, m => m.Contains("To: friend@example.com"));
        Assert.Contains("giver@example.com transferred", toFriend);
        Assert.Contains("image/png", toFriend);
        Assert.Contains("friend@example.com", Assert.Single(messages, m => m.Contains("To: giver@example.com")));
        var kinds = await platform.WithScopeAsync<NotificationsDbContext, List<string>>(db =>
            db.Notifications.Where(n => n.UserId == from || n.UserId == to).OrderBy(n => n.Kind).Select(n => n.Kind).ToListAsync());
        Assert.Equal(["pass-received", "pass-transferred"], kinds);
    }

    [Fact]
    public async Task OrderCancelled_byExpiry_tellsTheBuyerTheHoldExpired()
    {
        await using var platform = new TestPlatform();
        _ = platform.Services;
        var user = Guid.NewGuid();

        await platform.DeliverAsync("notifications", new OrderCancelled(Guid.NewGuid(), 2, user, [Guid.NewGuid()], CancellationReasons.Expired));
        await platform.DeliverAsync("notifications", new OrderCancelled(Guid.NewGuid(), 2, user, [Guid.NewGuid()], CancellationReasons.Buyer));

        var kinds = await platform.WithScopeAsync<NotificationsDbContext, List<string>>(db =>
            db.Notifications.Where(n => n.UserId == user).OrderBy(n => n.Kind).Select(n => n.Title).ToListAsync());
        Assert.Equal(["Your order was cancelled", "Your reservation expired"], kinds);
    }

    [Fact]
    public async Task EventCancelled_orderCancelledAndRefundDeliveredTwice_tellTheBuyerOnceEachInAppAndByEmail()
    {
        await using var platform = new TestPlatform();
        _ = platform.Services;
        var orderId = Guid.NewGuid();
        await platform.DeliverAsync("notifications", new UserRegistered(Buyer, "cancelled@example.com"));
        await platform.DeliverAsync("notifications", Created(orderId));
        var cancelled = new OrderCancelled(orderId, 3, Buyer, [Guid.NewGuid(), Guid.NewGuid()], CancellationReasons.EventCancelled);
        var refunded = new RefundIssued(Guid.NewGuid(), orderId, Buyer, 5000, "EUR", "event-cancelled");

        await platform.DeliverAsync("notifications", cancelled);
        await platform.DeliverAsync("notifications", refunded);
        await platform.DeliverAsync("notifications", cancelled);
        await platform.DeliverAsync("notifications", refunded);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailCount(platform) == 2), TimeSpan.FromSeconds(60)));
        await Task.Delay(1500); // one more sender cycle: a third message would have appeared by now
        var mails = await Task.WhenAll(Directory.GetFiles(MailFolder(platform), "*.eml").Select(f => File.ReadAllTextAsync(f)));
        Assert.Equal(2, mails.Length);
        Assert.All(mails, m => Assert.Contains("cancelled@example.com", m));
        Assert.Contains(mails, m => m.Contains("Your event was cancelled") && m.Contains("seat A-2"));
        Assert.Contains(mails, m => m.Contains("Your payment was refunded") && m.Contains("50.00 EUR") && m.Contains("the organizer cancelled the event"));
        var kinds = await platform.WithScopeAsync<NotificationsDbContext, List<string>>(db =>
            db.Notifications.Where(n => n.UserId == Buyer).OrderBy(n => n.Kind).Select(n => n.Kind).ToListAsync());
        Assert.Equal(["order-cancelled-event-cancelled", "refund-issued"], kinds);
    }

    [Fact]
    public async Task RefundIssued_withSmtpConfigured_isSentOverSmtp()
    {
        await using var sink = new SmtpSink();
        await using var platform = new TestPlatform()
            .With("Notifications:Email:SmtpHost", "127.0.0.1")
            .With("Notifications:Email:SmtpPort", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _ = platform.Services;
        var user = Guid.NewGuid();
        await platform.DeliverAsync("notifications", new UserRegistered(user, "refund@example.com"));

        await platform.DeliverAsync("notifications", new RefundIssued(Guid.NewGuid(), Guid.NewGuid(), user, 4200, "EUR", "order expired before payment"));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(sink.Messages.Count == 1)));
        Assert.Contains("42.00 EUR", sink.Messages[0]);
        Assert.Equal(0, MailCount(platform));
    }
}
