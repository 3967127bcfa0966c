using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Identity.RateLimiting;

/// <summary>
/// Two limits guard the credential endpoints: per client address (the middleware policy) and
/// per account, which the endpoint applies once it has read the email from the body.
/// </summary>
internal static class IdentityRateLimits
{
    public const string PerIpPolicy = "identity-per-ip";

    public static IServiceCollection AddIdentityRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<AccountRateLimiter>();
        // Shared with the web front end when both run in this process: one secret for both sides.
        services.TryAddSingleton<FrontEndClientAddress>();
        return services.AddRateLimiter(o => o.AddPolicy(PerIpPolicy, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.RateLimit;
            if (!limits.Enabled)
            {
                return RateLimitPartition.GetNoLimiter("disabled");
            }

            // Behind a proxy this is the proxy unless forwarded headers are configured (see docs);
            // sign-ins through the web pages count against the browser, not the front end.
            var address = context.RequestServices.GetRequiredService<FrontEndClientAddress>().Of(context)?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PerIpPermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
            });
        }));
    }
}

internal sealed class AccountRateLimiter : IDisposable
{
    private readonly RateLimitOptions _limits;
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountRateLimiter(IOptions<IdentityOptions> options)
    {
        _limits = options.Value.RateLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = _limits.PerAccountPermitLimit, Window = _limits.Window, QueueLimit = 0 }));
    }

    /// <summary>Null when the request may go on, otherwise how long the client should wait.</summary>
    public TimeSpan? TryAcquire(string normalisedEmail)
    {
        if (!_limits.Enabled)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(normalisedEmail);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _limits.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
