using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Ticketing.Web.Api;

/// <summary>
/// The APIs' base address: <c>Web:ApiBaseUrl</c>, else this process's own listening address,
/// read at first use because Kestrel only knows its ports once it has started.
/// </summary>
public sealed class ApiBaseAddress(IOptions<WebOptions> options, IServer server)
{
    private Uri? _resolved;

    public Uri Get() => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl))
        {
            return new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Web:ApiBaseUrl: this server has no listening address to call its own APIs on.");
        // Wildcard bindings name no host a client can connect to; loopback reaches the same socket.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
