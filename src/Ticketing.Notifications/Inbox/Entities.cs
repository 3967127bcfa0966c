namespace Ticketing.Notifications.Inbox;

/// <summary>Where to write to a user, kept from Identity's UserRegistered events.</summary>
public sealed class UserContact
{
    public Guid UserId { get; set; }

    public required string Email { get; set; }
}

/// <summary>What an order contained, kept from OrderCreated so later messages can describe it.</summary>
public sealed class OrderSummary
{
    public Guid OrderId { get; set; }

    public Guid UserId { get; set; }

    public long TotalMinor { get; set; }

    public required string Currency { get; set; }

    /// <summary>One line per ticket, ready to print.</summary>
    public required string Lines { get; set; }
}

/// <summary>An in-app message; the e-mail with the same content is an <see cref="Email.OutgoingEmail"/>.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
