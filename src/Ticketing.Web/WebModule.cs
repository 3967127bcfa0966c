using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.Web;

/// <summary>The browser front end, a backend-for-frontend over the services' HTTP APIs.</summary>
public sealed class WebModule : IServiceModule
{
    public const string ServiceName = "web";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Content(
            "<!doctype html><title>Ticketing</title><h1>Ticketing</h1><p>API: <a href=\"/swagger\">/swagger</a></p>",
            "text/html")).ExcludeFromDescription();
    }
}
