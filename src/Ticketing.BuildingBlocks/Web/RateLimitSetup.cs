using Microsoft.AspNetCore.Builder;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
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

    public static async ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter) =>
        await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            retryAfter is { } w ? $"Try again in {Problems.RetryAfterSeconds(w)} seconds." : "Try again later.", retryAfter);
}
