using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ticketing.BuildingBlocks.Hosting;

/// <summary>
/// The address on which this process calls its own endpoints, for a module that calls another
/// module over HTTP and finds it in the same process (the embedded topology):
/// <c>Ticketing:OwnAddress</c>, else the first listening address, read at first use because
/// Kestrel knows its ports only once it listens. Such calls use the <see cref="HttpClientName"/>
/// client, which tests point at their in-memory server.
/// </summary>
public sealed class OwnAddress
{
    public const string HttpClientName = "own-address";

    private readonly Func<Uri> _resolve;
    private Uri? _resolved;

    public OwnAddress(PlatformOptions platform, IServer server)
    {
        var configured = platform.OwnAddress;
        _resolve = () => string.IsNullOrWhiteSpace(configured) ? FromServer(server) : WithSlash(configured);
    }

    private OwnAddress(Uri fixedAddress) => _resolve = () => fixedAddress;

    /// <summary>An address that is not looked up (an in-memory test server has none).</summary>
    public static OwnAddress Fixed(Uri address) => new(address);

    public Uri Get() => _resolved ??= _resolve();

    /// <summary><paramref name="configured"/> when set (another process), else this process.</summary>
    public Uri Or(string? configured) => string.IsNullOrWhiteSpace(configured) ? Get() : WithSlash(configured);

    private static Uri WithSlash(string url) => new(url.TrimEnd('/') + "/");

    private static Uri FromServer(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Set {PlatformOptions.Section}:{nameof(PlatformOptions.OwnAddress)}: this server has no listening address to call its own APIs on.");
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
