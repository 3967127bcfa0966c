using System.Net;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        var now = DateTime.UtcNow;
        var due = db.IsPostgreSql
            ? await db.Emails.FromSql($"""
                SELECT * FROM outgoing_emails
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Attempts" < {settings.MaxAttempts}
                ORDER BY "CreatedAt" LIMIT 20 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.Emails
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < settings.MaxAttempts)
                .OrderBy(m => m.CreatedAt).Take(20).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var email in due)
        {
            var address = await db.Contacts.Where(c => c.UserId == email.UserId).Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
            try
            {
                if (address is null)
                {
                    throw new InvalidOperationException($"no address known yet for user {email.UserId}");
                }

                await DeliverAsync(email, address, settings, cancellationToken);
                email.SentAt = DateTime.UtcNow;
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or InvalidOperationException or IOException)
            {
                email.Attempts++;
                email.LastError = ex.Message;
                email.NextAttemptAt = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Pow(2, email.Attempts));
                logger.LogWarning("E-mail {EmailId} not sent (attempt {Attempt}): {Error}", email.Id, email.Attempts, ex.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private async Task DeliverAsync(OutgoingEmail email, string address, EmailOptions settings, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(settings.From, address, email.Subject, email.Body);
        message.Headers.Add("Message-ID", $"<{email.Id}@ticketing>");
        foreach (var qr in QrAttachments(email))
        {
            message.Attachments.Add(qr);
        }

        using var client = new SmtpClient();
        if (settings.SmtpHost is { Length: > 0 } host)
        {
            client.Host = host;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpSsl;
            if (settings.SmtpUser is { Length: > 0 } user)
            {
                client.Credentials = new NetworkCredential(user, settings.SmtpPassword);
            }
        }
        else
        {
            // The embedded default: each message becomes an .eml file a developer can open.
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory(settings);
            Directory.CreateDirectory(client.PickupDirectoryLocation);
        }

        await client.SendMailAsync(message, cancellationToken);
    }

    private static IEnumerable<Attachment> QrAttachments(OutgoingEmail email)
    {
        if (email.Attachments is null)
        {
            yield break;
        }

        foreach (var qr in JsonSerializer.Deserialize<List<QrAttachment>>(email.Attachments) ?? [])
        {
            using var data = QRCodeGenerator.GenerateQrCode(qr.Code, QRCodeGenerator.ECCLevel.M);
            // The MailMessage owns the stream and disposes it with the message.
            yield return new Attachment(new MemoryStream(new PngByteQRCode(data).GetGraphic(8)), qr.Name, "image/png");
        }
    }

    public string PickupDirectory(EmailOptions settings) =>
        Path.Combine(Path.GetFullPath(platform.DataDirectory), settings.PickupDirectory);
}
