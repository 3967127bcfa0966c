using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Messaging.RabbitMq;
using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// <c>/health/live</c> says the process is up (no dependencies, so a broker outage never
/// gets a healthy pod restarted); <c>/health/ready</c> checks every database it owns and the broker.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services, TransportKind transport)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabasesHealthCheck>("databases", tags: [Ready]);
        if (transport == TransportKind.RabbitMq)
        {
            checks.AddCheck<RabbitMqHealthCheck>("rabbitmq", tags: [Ready]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapPlatformHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteReport,
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteReport(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });

    private sealed class DatabasesHealthCheck(IEnumerable<ServiceDatabase> databases, IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var down = new List<string>();
            foreach (var database in databases)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    down.Add(database.Service);
                }
            }

            return down.Count == 0
                ? HealthCheckResult.Healthy($"{databases.Count()} database(s) reachable")
                : HealthCheckResult.Unhealthy($"unreachable: {string.Join(", ", down)}");
        }
    }

    private sealed class RabbitMqHealthCheck(RabbitMqConnection connection) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await connection.GetAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("broker unreachable", ex);
            }

            return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("connection is recovering");
        }
    }
}
