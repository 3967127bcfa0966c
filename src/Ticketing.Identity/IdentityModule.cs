using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Identity;

public sealed class IdentityModule : IServiceModule
{
    public const string ServiceName = "identity";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>(ServiceName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
