using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Catalog;

public sealed class CatalogModule : IServiceModule
{
    public const string ServiceName = "catalog";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>(ServiceName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
