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
        builder.AddServiceDatabase<NotificationsDbContext>(ServiceName);
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        builder.Services.AddEventHandler<UserRegistered, UserRegisteredHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCreated, OrderCreatedHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCompleted, OrderCompletedHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCancelled, OrderCancelledHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<RefundIssued, RefundIssuedHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<PassesIssued, PassesIssuedHandler, NotificationsDbContext>(ServiceName);
        builder.Services.AddEventHandler<PassTransferred, PassTransferredHandler, NotificationsDbContext>(ServiceName);
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Notifications.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNotificationEndpoints();
}
