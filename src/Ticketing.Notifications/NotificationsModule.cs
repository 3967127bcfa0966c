using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Notifications.Email;
using Ticketing.Notifications.Handlers;
using Ticketing.Notifications.Inbox;

namespace Ticketing.Notifications;

public sealed class NotificationsModule : IServiceModule
{
    public const string ServiceName = "notifications";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, NotificationsDbContext.OnSqlite, NotificationsDbContext.OnPostgreSql>(ServiceName, NotificationsDbContext.LegacyHead);
        builder.Services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Notifications:Email:From must be an e-mail address.")
            .Validate(o => o.SmtpPort is > 0 and <= 65535, "Notifications:Email:SmtpPort must be a TCP port.")
            .Validate(o => o.SmtpTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "Notifications:Email:SmtpTimeout and PollInterval must be positive.")
            .Validate(o => o.MaxAttempts > 0, "Notifications:Email:MaxAttempts must be at least 1.")
            .Validate(o => o.PickupDirectory.Length > 0, "Notifications:Email:PickupDirectory must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        builder.Services.AddEventHandler<UserRegistered, RecordContact, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCreated, RecordOrderSummary, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCompleted, NotifyOrderCompleted, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCancelled, NotifyOrderCancelled, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<RefundIssued, NotifyRefund, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<PassesIssued, SendPasses, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<PassTransferred, NotifyPassTransfer, NotificationsDbContext>(ServiceName);
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Notifications.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var notifications = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", NotificationEndpoints.ListAsync).WithName("ListNotifications");
        notifications.MapPost("/{id:guid}/read", NotificationEndpoints.MarkReadAsync).WithName("MarkNotificationRead");
    }
}
