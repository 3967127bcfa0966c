using System.Globalization;
using Microsoft.AspNetCore.Builder;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// The rate limiter middleware with one rejection answer for every module: 429 problem details
/// and a Retry-After header. Modules add their own named policies.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
                return WriteTooManyRequestsAsync(context.HttpContext, retryAfter);
            };
        });

    public static async ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = retryAfter is { } w ? $"Try again in {RetryAfterSeconds(w)} seconds." : "Try again later.",
            },
        });
    }

    /// <summary>Whole seconds, rounded up so a client that waits exactly that long is let through.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
