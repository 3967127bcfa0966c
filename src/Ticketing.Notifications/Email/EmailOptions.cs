namespace Ticketing.Notifications.Email;

/// <summary>The <c>Notifications:Email</c> section. Without an SMTP host, messages are written as .eml files.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public string From { get; set; } = "tickets@ticketing.local";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Folder for .eml files when no SMTP host is set; relative to the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; set; } = 8;
}
