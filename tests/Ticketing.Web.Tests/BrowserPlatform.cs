using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Web.Tests;

/// <summary>
/// The embedded platform on a real TCP port (the browser needs one) and a headless Chromium.
/// The browser is the distribution's <c>chromium</c> (<c>TICKETING_CHROMIUM</c> overrides the path);
/// Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserPlatform : IAsyncDisposable
{
    private IPlaywright? _playwright;

    private BrowserPlatform(TestPlatform platform) => Platform = platform;

    public TestPlatform Platform { get; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public static async Task<BrowserPlatform> StartAsync(Action<TestPlatform>? configure = null)
    {
        var platform = new TestPlatform();
        configure?.Invoke(platform);
        var result = new BrowserPlatform(platform);
        platform.UseKestrel(0);
        platform.StartServer();
        var address = platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        result.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        result._playwright = await Playwright.CreateAsync();
        result.Browser = await result._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TICKETING_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return result;
    }

    /// <summary>A fresh browser profile (its own cookies), like another person on another device.</summary>
    public async Task<IPage> NewPageAsync(int width = 1100, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Platform.DisposeAsync();
    }
}
