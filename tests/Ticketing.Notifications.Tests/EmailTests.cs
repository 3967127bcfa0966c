using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;

namespace Ticketing.Notifications.Tests;

public sealed class EmailTests
{
    private static readonly Guid Buyer = Guid.NewGuid();

    private static OrderCreated Created(Guid orderId) =>
        new(orderId, 1, Buyer, DateTimeOffset.UtcNow.AddMinutes(15), 5000, "EUR",
            [new OrderedTicket(Guid.NewGuid(), 2500, "Concert", "A-1", "Floor"), new OrderedTicket(Guid.NewGuid(), 2500, "Concert", "A-2", "Floor")]);

    private static string MailFolder(TestPlatform platform) => Path.Combine(platform.DataDirectory, "mail");

    private static int MailCount(TestPlatform platform) =>
        Directory.Exists(MailFolder(platform)) ? Directory.GetFiles(MailFolder(platform), "*.eml").Length : 0;

    [Fact]
    public async Task OrderCompleted_deliveredTwice_writesOneEmailAndOneNotification()
    {
        await using var platform = new TestPlatform();
        _ = platform.Services;
        var orderId = Guid.NewGuid();
        await platform.DeliverAsync("notifications", new UserRegistered(Buyer, "buyer@example.com"));
        await platform.DeliverAsync("notifications", Created(orderId));
        var completed = new OrderCompleted(orderId, 2, Buyer, 5000, "EUR", []);

        await platform.DeliverAsync("notifications", completed);
        await platform.DeliverAsync("notifications", completed);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailCount(platform) == 1)));
        await Task.Delay(1500); // one more sender cycle: a second message would have appeared by now
        Assert.Equal(1, MailCount(platform));
        var mail = await File.ReadAllTextAsync(Directory.GetFiles(MailFolder(platform), "*.eml")[0]);
        Assert.Contains("buyer@example.com", mail);
        Assert.Contains("Your tickets are confirmed", mail);
        Assert.Equal(1, await platform.WithScopeAsync<NotificationsDbContext, int>(db => db.Notifications.CountAsync(n => n.UserId == Buyer)));
    }

    [Fact]
    public async Task OrderCompleted_addressKnownOnlyLater_isSentOnceItArrives()
    {
        await using var platform = new TestPlatform().With("Notifications:Email:PollInterval", "00:00:00.100");
        _ = platform.Services;
        var lateUser = Guid.NewGuid();

        await platform.DeliverAsync("notifications", new OrderCompleted(Guid.NewGuid(), 2, lateUser, 1000, "EUR", [Guid.NewGuid()]));
        await Task.Delay(400);
        Assert.Equal(0, MailCount(platform));
        await platform.DeliverAsync("notifications", new UserRegistered(lateUser, "late@example.com"));

        // The first retry waits 2 s (back-off after the failed attempt), then the message goes out.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(MailCount(platform) == 1), TimeSpan.FromSeconds(10)));
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
