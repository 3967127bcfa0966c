using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Ticketing.BuildingBlocks.Hosting;

/// <summary>
/// A service (bounded context) the server binary can host. The same module runs
/// beside all the others in one process or alone in its own process; only
/// configuration decides (see <see cref="PlatformHost"/>).
/// </summary>
public interface IServiceModule
{
    /// <summary>Lower-case name used in configuration: <c>Ticketing:Services</c>, connection strings, queues.</summary>
    string Name { get; }

    void AddServices(IHostApplicationBuilder builder);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Who may call each endpoint this module maps; kept beside the endpoints, checked by the security tests.</summary>
    IReadOnlyList<Web.EndpointAccess> AuthorizationMatrix => [];
}
