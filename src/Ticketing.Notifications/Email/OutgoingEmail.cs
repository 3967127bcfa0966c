namespace Ticketing.Notifications.Email;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the notification (and the
/// inbox row of the event that caused it), so a redelivered event never queues a second one.
/// The address is looked up at send time: the user's UserRegistered may arrive after the order event.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// QR codes to attach as PNG images, as JSON (<see cref="QrAttachment"/> list). The code text is
    /// stored rather than the image: it is a tenth of the size, and the image is rendered at send time.
    /// </summary>
    public string? Attachments { get; set; }
}

/// <summary>A pass's QR code, attached to an e-mail as <c>Name</c> (a .png file).</summary>
public sealed record QrAttachment(string Name, string Code);
