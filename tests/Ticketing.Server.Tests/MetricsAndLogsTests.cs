using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Ticketing.Server.Tests;

public sealed class MetricsAndLogsTests
{
    [Fact]
    public async Task Metrics_portConfigured_servesPrometheusTextThereAndNotOnTheApiPort()
    {
        var port = FreePort();
        await using var platform = new TestPlatform().With("Observability:MetricsPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var api = new PlatformApi(() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var (organizer, _) = await api.SignUpAsync();
        await PlatformApi.PublishSeatedEventAsync(organizer, seats: 1);
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        string[] expected = ["http_server_request_duration_seconds", "ticketing_outbox_published", "ticketing_outbox_pending", "ticketing_events_lag_seconds"];
        var text = "";
        var found = await Eventually.TrueAsync(async () =>
        {
            var response = await scraper.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK
                && response.Content.Headers.ContentType?.MediaType == "text/plain"
                && expected.All(text.Contains);
        });

        Assert.True(found, $"missing {string.Join(", ", expected.Where(m => !text.Contains(m, StringComparison.Ordinal)))} in:\n{text}");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    // Plain text is what `dotnet run` prints in a terminal, JSON what the deployment kit sets.
    [Theory]
    [InlineData(ConsoleFormatterNames.Simple)]
    [InlineData(ConsoleFormatterNames.Json)]
    public async Task Logs_requestWithTraceparent_lineCarriesItsTraceId(string format)
    {
        var lines = new FormattedLines();
        await using var platform = new TestPlatform()
            .With("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(sp => lines.Using(sp.GetServices<ConsoleFormatter>().Single(f => f.Name == format))));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events?marker=trace-test");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        await platform.CreateClient().SendAsync(request);

        var line = Assert.Single(lines.Lines, l => l.Contains("marker=trace-test", StringComparison.Ordinal) && l.Contains("Request starting", StringComparison.Ordinal));
        if (format == ConsoleFormatterNames.Json)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Contains(json.RootElement.GetProperty("Scopes").EnumerateArray(),
                s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        }
        else
        {
            Assert.True(line.Contains($"TraceId:{traceId}", StringComparison.Ordinal), line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every entry rendered by one of the platform's console formatters, with the logger factory's scopes.</summary>
    private sealed class FormattedLines : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private ConsoleFormatter? _formatter;
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<string> Lines => [.. _lines];

        public FormattedLines Using(ConsoleFormatter formatter)
        {
            _formatter = formatter;
            return this;
        }

        public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Writer(FormattedLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                using var text = new StringWriter();
                owner._formatter!.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, text);
                owner._lines.Enqueue(text.ToString());
            }
        }
    }
}
