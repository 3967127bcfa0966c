using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ticketing.BuildingBlocks.Web;

public static class ProblemDetailsSetup
{
    /// <summary>Every error leaves as RFC 9457 problem details; bad input is a 4xx, a dependency outage a 503, never a 500.</summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadInputExceptionHandler>();
        // Binding failures throw, so the handler below can turn them into problem details
        // instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private sealed class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var (status, title, detail) = exception switch
            {
                BadHttpRequestException { InnerException: JsonException json } => (400, "Malformed JSON", json.Message),
                BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
                JsonException json => (400, "Malformed JSON", json.Message),
                DbUpdateConcurrencyException => (409, "Conflict", "The resource was changed by someone else; reload and try again."),
                _ when DependencyOutage.IsOutage(exception) => (503, "Service unavailable", "A dependency of this service is unavailable; try again shortly."),
                _ => (0, "", ""),
            };
            if (status == 0)
            {
                return false;
            }

            if (status == 503)
            {
                logger.LogWarning(exception, "Dependency unavailable; answering 503");
                context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(DependencyOutage.RetryAfter);
            }
            else
            {
                logger.LogDebug(exception, "Request rejected with {Status}", status);
            }

            context.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            });
        }
    }
}
