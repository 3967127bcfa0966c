using System.Text.Json;
using Ticketing.Notifications.Email;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications.Handlers;

/// <summary>
/// Adds in-app notifications and e-mails to the handler's transaction (so a redelivered event adds
/// neither again). The handler passes the time from its <see cref="TimeProvider"/>, so tests can move the clock.
/// </summary>
internal static class NotificationWriter
{
    public static void Notify(this NotificationsDbContext db, DateTime now, Guid userId, string kind, string title, string body, IReadOnlyList<QrAttachment>? attachments = null)
    {
        db.NotifyInApp(now, userId, kind, title, body);
        db.QueueEmail(now, userId, title, body, attachments);
    }

    public static void NotifyInApp(this NotificationsDbContext db, DateTime now, Guid userId, string kind, string title, string body) =>
        db.Notifications.Add(new Notification { UserId = userId, Kind = kind, Title = title, Body = body, CreatedAt = now });

    public static void QueueEmail(this NotificationsDbContext db, DateTime now, Guid userId, string subject, string body, IReadOnlyList<QrAttachment>? attachments = null)
    {
        db.Emails.Add(new OutgoingEmail
        {
            UserId = userId,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = attachments is { Count: > 0 } ? JsonSerializer.Serialize(attachments) : null,
        });
    }

    public static string Money(long minor, string currency) =>
        $"{(minor / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {currency}";
}
