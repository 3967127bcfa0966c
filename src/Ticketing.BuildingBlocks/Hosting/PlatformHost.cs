using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.BuildingBlocks.Hosting;

/// <summary>
/// Composes one process out of the modules that <c>Ticketing:Services</c> selects, on the
/// infrastructure configuration names. No other code path differs between topologies.
/// </summary>
public static class PlatformHost
{
    public static IReadOnlyList<IServiceModule> AddTicketingPlatform(this WebApplicationBuilder builder, IReadOnlyList<IServiceModule> available)
    {
        var options = PlatformOptions.From(builder.Configuration);
        var selected = Select(available, options.Services);
        var transport = MessagingSetup.TransportOf(builder.Configuration);
        if (transport == TransportKind.InProcess && selected.Count < available.Count)
        {
            // Events for a module in another process would be marked published and never arrive.
            throw new InvalidOperationException(
                "Messaging:Transport=InProcess needs every service in one process; set Messaging:Transport=RabbitMq to split them.");
        }

        builder.AddPlatformObservability(selected);
        builder.Services.AddSingleton(new HostedModules(selected));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<NestedApiCall>();
        builder.Services.AddSingleton<OwnAddress>();
        builder.Services.AddHttpClient(OwnAddress.HttpClientName);
        // Keys for antiforgery tokens survive restarts and are shared by replicas that mount the same folder.
        builder.Services.AddDataProtection()
            .SetApplicationName("ticketing")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.DataDirectory), "keys")));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        if (options.MigrateOnStartup)
        {
            // Registered before any module so it finishes before relays and consumers start.
            builder.Services.AddHostedService<MigrateOnStartup>();
        }

        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddPlatformRequestLimits(builder.Configuration);
        builder.Services.AddPlatformStrictJson();
        builder.Services.AddPlatformHealthChecks(transport);
        builder.Services.AddPlatformRateLimiting();
        // Form posts (the web module's pages) validate antiforgery tokens; JSON APIs are unaffected.
        builder.Services.AddAntiforgery();
        // Modules opt their read endpoints in with named policies (Catalog's browse answers).
        builder.Services.AddOutputCache();
        builder.Services.AddOpenApi();
        builder.AddPlatformMessaging();
        builder.AddPlatformAuthentication();
        foreach (var module in selected)
        {
            module.AddServices(builder);
        }

        return selected;
    }

    public static WebApplication UseTicketingPlatform(this WebApplication app)
    {
        app.UsePlatformProblemDetails();
        app.UseApiConcurrencyLimit();
        app.UsePlatformRequestLimits();
        app.UseCrossSiteRequestProtection();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so the default policy sees who is signed in and skips them.
        app.UseOutputCache();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Ticketing API");
            o.RoutePrefix = "swagger";
        });
        app.MapPlatformHealthChecks();
        foreach (var module in app.Services.GetRequiredService<HostedModules>().Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }

    private static List<IServiceModule> Select(IReadOnlyList<IServiceModule> available, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return available.ToList();
        }

        var unknown = names.Where(n => available.All(m => m.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unknown service(s) in Ticketing:Services: {string.Join(", ", unknown)}. Known: {string.Join(", ", available.Select(m => m.Name))}.");
        }

        return available.Where(m => names.Contains(m.Name)).ToList();
    }

    private sealed class MigrateOnStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => DatabaseMigrator.MigrateAllAsync(services, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The modules this process runs.</summary>
public sealed record HostedModules(IReadOnlyList<IServiceModule> Modules);
