using Microsoft.EntityFrameworkCore;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;
using Ticketing.Notifications.Email;

namespace Ticketing.Notifications.Handlers;

/// <summary>The order confirmation e-mail, with one QR code image per pass.</summary>
internal sealed class SendPasses(NotificationsDbContext db, TimeProvider time) : IIntegrationEventHandler<PassesIssued>
{
    public async Task HandleAsync(PassesIssued integrationEvent, CancellationToken cancellationToken)
    {
        var summary = await db.Orders.FindAsync([integrationEvent.OrderId], cancellationToken);
        var attachments = integrationEvent.Passes.Select((p, i) => new QrAttachment($"pass-{i + 1}.png", p.Code)).ToList();
        var passes = integrationEvent.Passes.Select((p, i) => $"- {PassText.Describe(p)}: QR code in pass-{i + 1}.png");
        var total = summary is null ? "" : $"\nTotal paid: {NotificationWriter.Money(summary.TotalMinor, summary.Currency)}\n";
        var body = $"""
            Thank you for your order {integrationEvent.OrderId}.
            {total}
            Your passes (show the attached QR code at the entrance; each admits one person once):
            {string.Join('\n', passes)}

            They are also under "My tickets" in the web app. Keep the codes to yourself: whoever shows one first gets in.
            """;
        db.QueueEmail(time.GetUtcNow().UtcDateTime, integrationEvent.UserId, "Your tickets are confirmed", body, attachments);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Tells the new holder (with the new QR code) and the previous one (whose code stopped working).</summary>
internal sealed class NotifyPassTransfer(NotificationsDbContext db, TimeProvider time) : IIntegrationEventHandler<PassTransferred>
{
    public async Task HandleAsync(PassTransferred integrationEvent, CancellationToken cancellationToken)
    {
        var pass = integrationEvent.Pass;
        var sender = await EmailOfAsync(integrationEvent.FromUserId, cancellationToken) ?? "another user";
        var recipient = await EmailOfAsync(integrationEvent.ToUserId, cancellationToken) ?? "another user";
        db.Notify(time.GetUtcNow().UtcDateTime, integrationEvent.ToUserId, "pass-received", "A ticket was transferred to you",
            $"{sender} transferred this ticket to you:\n- {PassText.Describe(pass)}\n\nShow the attached QR code (pass.png) at the entrance; it is also under \"My tickets\".",
            [new QrAttachment("pass.png", pass.Code)]);
        db.Notify(time.GetUtcNow().UtcDateTime, integrationEvent.FromUserId, "pass-transferred", "Your ticket was transferred",
            $"You transferred this ticket to {recipient}:\n- {PassText.Describe(pass)}\n\nIts earlier QR code no longer admits anyone.");
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<string?> EmailOfAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Contacts.Where(c => c.UserId == userId).Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
}

internal static class PassText
{
    public static string Describe(IssuedPass pass) =>
        $"{pass.Title}{(pass.Tier is null ? "" : $" ({pass.Tier})")}{(pass.Seat is null ? "" : $", seat {pass.Seat}")}";
}
