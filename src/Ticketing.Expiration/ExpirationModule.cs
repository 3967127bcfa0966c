using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.Expiration;

public sealed class ExpirationModule : IServiceModule
{
    public const string ServiceName = "expiration";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExpirationDbContext>(ServiceName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
