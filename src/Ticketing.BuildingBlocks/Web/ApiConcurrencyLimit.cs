using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Caps the <c>/api</c> requests one process works on at once (<c>Ticketing:MaxConcurrentApiRequests</c>,
/// off by default); the rest wait in a bounded queue (8 per slot), and beyond it get 503 with
/// Retry-After (the outage's 5 s). Both measured against a 2,000-buyer burst (docs/benchmarks.md,
/// 2026-12-06): 32 per slot bounced nobody but made the orders' p99 8.9 s instead of 2.7 s for the
/// same reservations per second, and a 1 s Retry-After turned 2,000 bounces into 15,500 retries
/// that took the CPU the sale needed. The server's throughput bounds a sale, not this gate; fair
/// order at a sale start is the waiting room's job (ADR 12).
/// Why: under a stampede every request holds a database connection, and once the pool is empty the
/// event consumers and the outbox relay of the same process cannot get one either, so the work that
/// would let buyers finish (payments learning of orders) stalls. Set it below the connection pool
/// size to keep connections for them. Pages are not counted: they call the APIs themselves, and
/// neither is a call one module makes to another in the same process while serving an API request
/// (<see cref="NestedApiCall"/>): that request holds a permit already, and if the nested call had
/// to queue for one, a full house of such requests would wait on each other until they time out.
/// Nor are endpoints marked <see cref="ExemptFromApiConcurrencyLimit"/>: a waiting room's line must
/// be joined in arrival order, and bouncing the burst at a sale's start with 503s would hand the
/// places out by retry luck instead.
/// </summary>
public static class ApiConcurrencyLimit
{
    public const string Setting = PlatformOptions.Section + ":" + nameof(PlatformOptions.MaxConcurrentApiRequests);
    public const string QueueSetting = PlatformOptions.Section + ":" + nameof(PlatformOptions.ApiRequestQueue);

    public static WebApplication UseApiConcurrencyLimit(this WebApplication app)
    {
        var platform = PlatformOptions.From(app.Configuration);
        var permits = platform.MaxConcurrentApiRequests;
        if (permits <= 0)
        {
            return app;
        }

        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = Math.Max(0, platform.ApiRequestQueue ?? permits * 8),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        app.Lifetime.ApplicationStopped.Register(limiter.Dispose);
        var nested = app.Services.GetService<NestedApiCall>() ?? new NestedApiCall();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") || nested.IsNested(context)
                || context.GetEndpoint()?.Metadata.GetMetadata<Exempt>() is not null)
            {
                await next(context);
                return;
            }

            using var lease = await limiter.AcquireAsync(1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                await DependencyOutage.WriteAsync(context, "The server is at capacity; try again shortly.");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Lets the endpoints through without a permit (see the class summary for when that is right).</summary>
    public static TBuilder ExemptFromApiConcurrencyLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new Exempt());
        return builder;
    }

    private sealed class Exempt;
}
