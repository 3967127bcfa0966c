using System.Data.Common;
using System.Net.Sockets;
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
    /// <summary>Seconds a client is asked to wait; about how long a database restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // EF's retrying strategy wraps the transient error it gave up on.
            if (e is RetryLimitExceededException or SocketException or TimeoutException
                || e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
