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
}
