using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using QRCoder;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.Notifications.Email;

/// <summary>
/// Sends queued e-mails with retries and back-off. On PostgreSQL a batch is claimed with
/// SKIP LOCKED so replicas of the service never send one message twice; each message has a
/// stable Message-ID, so a resend after a crash mid-send is recognisable by mail clients.
/// </summary>
internal sealed class EmailSender(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    PlatformOptions platform,
    TimeProvider time,
    ILogger<EmailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "E-mail sending failed; retrying");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var due = db.IsPostgreSql
            ? await db.Emails.FromSql($"""
                SELECT * FROM outgoing_emails
                WHERE sent_at IS NULL AND next_attempt_at <= {now} AND attempts < {settings.MaxAttempts}
                ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.Emails
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < settings.MaxAttempts)
                .OrderBy(m => m.CreatedAt).Take(20).ToListAsync(cancellationToken);

        var sent = 0;
        await using var delivery = new MailDelivery(settings, PickupDirectory(settings));
        foreach (var email in due)
        {
            var address = await db.Contacts.Where(c => c.UserId == email.UserId).Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
            try
            {
                if (address is null)
                {
                    throw new InvalidOperationException($"no address known yet for user {email.UserId}");
                }

                await delivery.SendAsync(Compose(email, address, settings), cancellationToken);
                email.SentAt = time.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception ex) when (IsDeliveryFailure(ex))
            {
                email.Attempts++;
                email.LastError = ex.Message;
                email.NextAttemptAt = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Pow(2, email.Attempts));
                logger.LogWarning("E-mail {EmailId} not sent (attempt {Attempt}): {Error}", email.Id, email.Attempts, ex.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private static MimeMessage Compose(OutgoingEmail email, string address, EmailOptions settings)
    {
        var body = new BodyBuilder { TextBody = email.Body };
        if (email.Attachments is not null)
        {
            foreach (var qr in JsonSerializer.Deserialize<List<QrAttachment>>(email.Attachments) ?? [])
            {
                using var data = QRCodeGenerator.GenerateQrCode(qr.Code, QRCodeGenerator.ECCLevel.M);
                body.Attachments.Add(qr.Name, new PngByteQRCode(data).GetGraphic(8), new ContentType("image", "png"));
            }
        }

        var message = new MimeMessage { Subject = email.Subject, Body = body.ToMessageBody(), MessageId = $"{email.Id}@ticketing" };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(address));
        return message;
    }

    /// <summary>What a retry may cure: the server, the network, TLS or the address; anything else is a bug and surfaces.</summary>
    private static bool IsDeliveryFailure(Exception ex) => ex is
        MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
        or MailKit.Security.SslHandshakeException or System.Net.Sockets.SocketException or IOException
        or TimeoutException or NotSupportedException or InvalidOperationException or ParseException;

    public string PickupDirectory(EmailOptions settings) =>
        Path.Combine(Path.GetFullPath(platform.DataDirectory), settings.PickupDirectory);
}
