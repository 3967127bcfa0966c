using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Recognises a failure that says "a dependency is down for now" (database restarting or
/// unreachable, connection broken mid-request) rather than "this request is wrong". Such a
/// request answers 503 with Retry-After so clients and the edge retry later instead of
/// reporting a server bug; readiness reports the same dependency, so traffic drains meanwhile.
/// </summary>
public static class DependencyOutage
{
    /// <summary>Seconds a client is asked to wait; about how long a database restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // EF's retrying strategy wraps the transient error it gave up on.
            // HttpRequestException: another service this one calls (e.g. the token issuer's keys) is down.
            if (e is RetryLimitExceededException or SocketException or TimeoutException or HttpRequestException
                || e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Answers 503 problem details with Retry-After.</summary>
    public static async Task WriteAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = detail },
        });
    }
}
