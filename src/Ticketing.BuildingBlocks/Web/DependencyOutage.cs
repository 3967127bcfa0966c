using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Recognises a failure that says "a dependency is down for now" (database restarting or
/// unreachable, connection broken mid-request) rather than "this request is wrong". Such a
/// request answers 503 with Retry-After so clients and the edge retry later instead of
/// reporting a server bug; readiness reports the same dependency, so traffic drains meanwhile.
/// </summary>
public static class DependencyOutage
{
    /// <summary>How long a client is asked to wait; about how long a database restart takes.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

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
    public static Task WriteAsync(HttpContext context, string detail) =>
        Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail, RetryAfter);
}
