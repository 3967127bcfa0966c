using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Security.Tests.Edge;

/// <summary>
/// The platform on a real loopback port: the web pages call the APIs over HTTP on their own
/// address, which the in-memory test server cannot answer.
/// </summary>
internal static class KestrelHost
{
    public static Uri Start(TestPlatform platform)
    {
        platform.UseKestrel(0);
        platform.StartServer();
        return new Uri(platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A browser-like client that keeps no cookies and follows no redirects, so each request says who it is.</summary>
    public static HttpClient NewClient(Uri address) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
}
