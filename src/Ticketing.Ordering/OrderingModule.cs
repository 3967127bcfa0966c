using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Ordering;

public sealed class OrderingModule : IServiceModule
{
    public const string ServiceName = "ordering";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OrderingDbContext>(ServiceName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
