using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Notifications;

public sealed class NotificationsModule : IServiceModule
{
    public const string ServiceName = "notifications";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>(ServiceName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
