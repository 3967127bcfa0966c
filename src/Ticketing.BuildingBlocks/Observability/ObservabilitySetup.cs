using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// Traces, metrics and logs for every topology, in one place. What is collected is configured
/// always; what builds a tracer or meter provider is only an exporter: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the Prometheus endpoint when
/// <c>Observability:MetricsPort</c> is. With neither, no provider exists and the instruments
/// cost a flag check. Tests add their own exporter with <c>AddOpenTelemetry().WithTracing(...)</c>.
/// </summary>
public static class ObservabilitySetup
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPlatformObservability(this WebApplicationBuilder builder, IReadOnlyList<IServiceModule> modules)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var options = ObservabilityOptions.From(configuration);
        var metricsPort = options.MetricsPort is > 0 and var port ? port : (int?)null;

        AddLogging(builder.Logging);
        var services = builder.Services;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName(modules)));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(TicketingTelemetry.MessagingSourceName)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            // SQLite has no tracing of its own; PostgreSQL commands are Npgsql's spans already.
            .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) => provider != "Npgsql.EntityFrameworkCore.PostgreSQL")
            .AddProcessor(new DetachedDatabaseSpans()));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(TicketingTelemetry.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation());

        if (metricsPort is { } listenOn)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
            services.AddHostedService(sp => new MetricsEndpoint(listenOn, sp.GetRequiredService<MeterProvider>(),
                sp.GetRequiredService<ILogger<MetricsEndpoint>>()));
        }

        if (otlp)
        {
            telemetry.WithTracing().WithMetrics().WithLogging(_ => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Plain console lines unless <c>Logging:Console:FormatterName=json</c> (the deployment kit
    /// sets it). Both include scopes, and so the trace and span id of the request or event handler
    /// that wrote them: in plain text as a <c>=&gt; SpanId:…, TraceId:…</c> line under the entry.
    /// </summary>
    private static void AddLogging(ILoggingBuilder logging)
    {
        logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        logging.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
        });
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        // Without a formatter name the console logger copies its own (obsolete) defaults over the
        // plain formatter's options, scopes off; naming it keeps the options above.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health");

    private static string ServiceName(IReadOnlyList<IServiceModule> modules) =>
        modules.Count == 1 ? $"ticketing-{modules[0].Name}" : "ticketing";
}
