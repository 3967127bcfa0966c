using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ticketing.Notifications.Email;

/// <summary>
/// Hands messages to the configured SMTP server, or writes them as .eml files when none is set
/// (the embedded default). One instance serves one batch: the SMTP connection is opened on the
/// first message and reused for the rest, so a batch of 20 pays one TCP and TLS handshake and one
/// authentication, not twenty.
/// </summary>
internal sealed class MailDelivery(EmailOptions settings, string pickupDirectory) : IAsyncDisposable
{
    private SmtpClient? _smtp;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (settings.SmtpHost is not { Length: > 0 } host)
        {
            await WriteToPickupAsync(message, cancellationToken);
            return;
        }

        var smtp = await ConnectedAsync(host, cancellationToken);
        try
        {
            await smtp.SendAsync(message, cancellationToken);
        }
        catch when (!smtp.IsConnected)
        {
            // The server dropped us: the next message of the batch reconnects.
            await DisposeAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(string host, CancellationToken cancellationToken)
    {
        if (_smtp is { IsConnected: true })
        {
            return _smtp;
        }

        await DisposeAsync();
        var smtp = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        _smtp = smtp;
        await smtp.ConnectAsync(host, settings.SmtpPort, SocketOptions(settings.SmtpSecurity), cancellationToken);
        if (settings.SmtpUser is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, settings.SmtpPassword ?? "", cancellationToken);
        }

        return smtp;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>
    /// The file is named after the message id and written under a temporary name first, so a resend
    /// after a crash replaces the earlier copy instead of adding a second, and a reader never sees
    /// half a message.
    /// </summary>
    private async Task WriteToPickupAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(pickupDirectory);
        var name = (message.MessageId ?? throw new ArgumentException("a queued message has a Message-ID", nameof(message))).Split('@')[0];
        var path = Path.Combine(pickupDirectory, name + ".eml");
        var partial = Path.Combine(pickupDirectory, "." + name + ".partial");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not { } smtp)
        {
            return;
        }

        _smtp = null;
        try
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // The messages are already accepted; a failed QUIT changes nothing.
        }
        finally
        {
            smtp.Dispose();
        }
    }
}
