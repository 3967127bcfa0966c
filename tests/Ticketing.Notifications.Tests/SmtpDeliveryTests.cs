using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Contracts;
using Ticketing.Notifications.Email;

namespace Ticketing.Notifications.Tests;

/// <summary>
/// What the SMTP path promises beyond "a message arrives": one connection per batch, the TLS
/// policy honoured (never plain text when STARTTLS is required), credentials sent. The background
/// sender is slowed to once an hour and the batch is sent by the test, so the batch is known.
/// </summary>
public sealed class SmtpDeliveryTests
{
    private static TestPlatform PlatformFor(SmtpSink sink, TestProvider provider = TestProvider.Sqlite) => new TestPlatform(provider)
        .With("Notifications:Email:SmtpHost", "127.0.0.1")
        .With("Notifications:Email:SmtpPort", sink.Port.ToString(CultureInfo.InvariantCulture))
        .With("Notifications:Email:PollInterval", "01:00:00");

    private static async Task<EmailSender> QueueRefundsAsync(TestPlatform platform, int count)
    {
        var sender = platform.Services.GetRequiredService<EmailSender>();
        await Task.Delay(500); // the sender's first round, at start-up, has found nothing and now sleeps
        var user = Guid.NewGuid();
        await platform.DeliverAsync("notifications", new UserRegistered(user, "smtp@example.com"));
        for (var i = 0; i < count; i++)
        {
            await platform.DeliverAsync("notifications", new RefundIssued(Guid.NewGuid(), Guid.NewGuid(), user, 1000 + i, "EUR", "test"));
        }

        return sender;
    }

    // PostgreSQL too: there the due emails are picked by raw SQL (FOR UPDATE SKIP LOCKED).
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public async Task SendDue_threeQueuedEmails_sendsThemOverOneConnection(TestProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var platform = PlatformFor(sink, provider);
        var sender = await QueueRefundsAsync(platform, 3);

        Assert.Equal(3, await sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(3, sink.Messages.Count);
        Assert.Equal(1, sink.Connections);
        Assert.All(sink.Messages, m => Assert.Contains("To: smtp@example.com", m));
    }

    [Fact]
    public async Task SendDue_startTlsRequiredButNotOffered_keepsTheEmailUnsentWithTheReason()
    {
        await using var sink = new SmtpSink();
        await using var platform = PlatformFor(sink).With("Notifications:Email:SmtpSecurity", "StartTls");
        var sender = await QueueRefundsAsync(platform, 1);

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        Assert.Empty(sink.Messages);
        var email = await platform.WithScopeAsync<NotificationsDbContext, OutgoingEmail>(db => db.Emails.SingleAsync());
        Assert.Null(email.SentAt);
        Assert.Equal(1, email.Attempts);
        Assert.Contains("STARTTLS", email.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendDue_credentialsConfigured_authenticatesWithThemBeforeSending()
    {
        await using var sink = new SmtpSink(offerAuth: true);
        await using var platform = PlatformFor(sink)
            .With("Notifications:Email:SmtpUser", "mailer")
            .With("Notifications:Email:SmtpPassword", "s3cret");
        var sender = await QueueRefundsAsync(platform, 1);

        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

        var auth = Assert.Single(sink.Authentications).Split(' ');
        Assert.Equal("PLAIN", auth[1]);
        Assert.Equal("\0mailer\0s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(auth[2])));
        Assert.Single(sink.Messages);
    }
}
