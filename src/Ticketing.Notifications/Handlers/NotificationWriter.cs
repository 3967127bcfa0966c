using Ticketing.Notifications.Email;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications.Handlers;

/// <summary>Adds an in-app notification and the matching e-mail to the handler's transaction.</summary>
internal static class NotificationWriter
{
    public static void Notify(this NotificationsDbContext db, Guid userId, string kind, string title, string body)
    {
        var now = DateTime.UtcNow;
        db.Notifications.Add(new Notification { UserId = userId, Kind = kind, Title = title, Body = body, CreatedAt = now });
        db.Emails.Add(new OutgoingEmail { UserId = userId, Subject = title, Body = body, CreatedAt = now, NextAttemptAt = now });
    }

    public static string Money(long minor, string currency) =>
        $"{(minor / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {currency}";
}
