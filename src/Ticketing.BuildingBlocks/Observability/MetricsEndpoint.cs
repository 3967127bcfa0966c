using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// Serves <c>/metrics</c> (Prometheus text) on its own port, in a minimal server of its own:
/// never on the public API port, whatever the API's URLs are, and nothing else on this port.
/// </summary>
internal sealed partial class MetricsEndpoint(int port, MeterProvider meterProvider, ILogger<MetricsEndpoint> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.ListenAnyIP(port));
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
        Listening(port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics at http://*:{Port}/metrics")]
    private partial void Listening(int port);
}
