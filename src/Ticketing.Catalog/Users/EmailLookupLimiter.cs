using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Users;

/// <summary>The <c>Catalog:EmailLookups</c> section: how often one user may name people by e-mail.</summary>
public sealed class EmailLookupOptions
{
    /// <summary>Staff invitations plus pass transfers per user and window; 0 turns the limit off.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// One budget per user for the endpoints that take someone's e-mail (staff, transfer): with the
/// uniform answers it keeps those endpoints from being a faster directory probe than sign-up.
/// </summary>
internal sealed class EmailLookupLimiter : IDisposable
{
    private readonly EmailLookupOptions _limits;
    private readonly PartitionedRateLimiter<Guid> _limiter;

    public EmailLookupLimiter(IOptions<CatalogOptions> options)
    {
        _limits = options.Value.EmailLookups;
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, _limits.PermitLimit), Window = _limits.Window, QueueLimit = 0 }));
    }

    /// <summary>Null when the request may go on, otherwise the 429 to answer with.</summary>
    public ProblemHttpResult? TryAcquire(HttpContext context, Guid userId)
    {
        if (_limits.PermitLimit <= 0)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _limits.Window;
        context.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait);
        return TypedResults.Problem(
            $"Too many invitations or transfers; try again in {Problems.RetryAfterSeconds(wait)} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests");
    }

    public void Dispose() => _limiter.Dispose();
}
