using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Security.Tests;

/// <summary>One HTTP method of one mapped route, as the running platform's routing sees it.</summary>
internal sealed record MappedEndpoint(string Method, string Route, Type? RequestType, bool IsPage)
{
    public bool IsUnsafe => Method is not ("GET" or "HEAD" or "OPTIONS");

    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>Every route the platform maps, one entry per method (the platform must have served a request).</summary>
    public static List<MappedEndpoint> Of(TestPlatform platform) =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new MappedEndpoint(
                m,
                Normalize(e.RoutePattern.RawText ?? ""),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)))
            .Distinct()
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>A group's "/" leaves a trailing slash on its root route; rows are written without it.</summary>
    public static string Normalize(string route) => route.Length > 1 ? route.TrimEnd('/') : route;
}
