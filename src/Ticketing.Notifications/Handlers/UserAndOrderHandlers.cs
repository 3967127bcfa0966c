using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications.Handlers;

internal sealed class RecordContact(NotificationsDbContext db) : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.FindAsync([integrationEvent.UserId], cancellationToken);
        if (contact is null)
        {
            db.Contacts.Add(new UserContact { UserId = integrationEvent.UserId, Email = integrationEvent.Email });
        }
        else
        {
            contact.Email = integrationEvent.Email;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class RecordOrderSummary(NotificationsDbContext db) : IIntegrationEventHandler<OrderCreated>
{
    public async Task HandleAsync(OrderCreated integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.Orders.AnyAsync(o => o.OrderId == integrationEvent.OrderId, cancellationToken))
        {
            return;
        }

        var lines = integrationEvent.Tickets.Select(t =>
            $"- {t.Title ?? "Ticket"}{(t.Tier is null ? "" : $" ({t.Tier})")}{(t.Seat is null ? "" : $", seat {t.Seat}")}: {NotificationWriter.Money(t.PriceMinor, integrationEvent.Currency)}");
        db.Orders.Add(new OrderSummary
        {
            OrderId = integrationEvent.OrderId,
            UserId = integrationEvent.UserId,
            TotalMinor = integrationEvent.TotalMinor,
            Currency = integrationEvent.Currency,
            Lines = string.Join('\n', lines),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Only the in-app notification: the confirmation e-mail goes out when Catalog's PassesIssued
/// arrives, because it carries the QR codes, so a completed order gets exactly one e-mail.
/// </summary>
internal sealed class NotifyOrderCompleted(NotificationsDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var summary = await db.Orders.FindAsync([integrationEvent.OrderId], cancellationToken);
        var body = $"""
            Thank you for your order {integrationEvent.OrderId}.

            {summary?.Lines ?? $"{integrationEvent.TicketIds.Count} ticket(s)"}
            Total paid: {NotificationWriter.Money(integrationEvent.TotalMinor, integrationEvent.Currency)}

            Your tickets and their QR codes are under "My tickets" and on their way by e-mail.
            """;
        db.NotifyInApp(time.GetUtcNow().UtcDateTime, integrationEvent.UserId, "order-completed", "Your tickets are confirmed", body);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class NotifyOrderCancelled(NotificationsDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
    {
        var (title, reason) = integrationEvent.Reason switch
        {
            CancellationReasons.Expired => ("Your reservation expired", "The hold on your tickets ran out before payment, so they were released."),
            // One message per buyer whether they had paid or not: the refund, if any, follows in its own message.
            CancellationReasons.EventCancelled => ("Your event was cancelled",
                "The organizer cancelled the event, so your order was cancelled and its tickets no longer admit anyone. " +
                "If you had paid, the full amount is refunded automatically; a separate message confirms it. Nothing else is needed from you."),
            _ => ("Your order was cancelled", "You cancelled this order and its tickets were released."),
        };
        var summary = await db.Orders.FindAsync([integrationEvent.OrderId], cancellationToken);
        db.Notify(time.GetUtcNow().UtcDateTime, integrationEvent.UserId, $"order-cancelled-{integrationEvent.Reason}", title,
            $"{reason}\n\nOrder {integrationEvent.OrderId}, {integrationEvent.TicketIds.Count} ticket(s).{(summary is null ? "" : $"\n{summary.Lines}")}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class NotifyRefund(NotificationsDbContext db, TimeProvider time) : IIntegrationEventHandler<RefundIssued>
{
    public async Task HandleAsync(RefundIssued integrationEvent, CancellationToken cancellationToken)
    {
        db.Notify(time.GetUtcNow().UtcDateTime, integrationEvent.UserId, "refund-issued", "Your payment was refunded",
            $"We refunded {NotificationWriter.Money(integrationEvent.AmountMinor, integrationEvent.Currency)} for order {integrationEvent.OrderId}: {Explain(integrationEvent.Reason)}.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Payments' refund reasons in the buyer's words; an unknown one is shown as sent.</summary>
    private static string Explain(string reason) => reason switch
    {
        "event-cancelled" => "the organizer cancelled the event",
        "order-cancelled" => "the order was cancelled before the payment could complete it",
        "order-expired" => "the payment arrived after your reservation had expired",
        "order-already-paid" => "the order had already been paid by another payment",
        "amount-mismatch" => "the amount charged did not match the order",
        _ => reason,
    };
}
