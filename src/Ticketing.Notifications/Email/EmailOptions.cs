namespace Ticketing.Notifications.Email;

/// <summary>The <c>Notifications:Email</c> section. Without an SMTP host, messages are written as .eml files.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public string From { get; set; } = "tickets@ticketing.local";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>How the SMTP connection is secured; <see cref="SmtpSecurity.Auto"/> is TLS on port 465, else STARTTLS when offered.</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    /// <summary>Longest wait for one SMTP command (connect, authenticate, send).</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Folder for .eml files when no SMTP host is set; relative to the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; set; } = 8;
}

/// <summary>The TLS policy of the SMTP connection.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465; elsewhere STARTTLS if the server offers it.</summary>
    Auto,

    /// <summary>Plain text, even if the server offers STARTTLS (a relay on loopback).</summary>
    None,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS required: a server that does not offer it gets no message.</summary>
    StartTls,

    /// <summary>STARTTLS if the server offers it, else plain text.</summary>
    StartTlsWhenAvailable,
}
