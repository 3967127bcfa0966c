using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Payments.Orders;

/// <summary>
/// Asks Ordering for an order that Payments has not heard of yet, so a buyer can pay the moment
/// the order was created instead of retrying 404s until OrderCreated arrives (under a stampede
/// that took seconds, and the retries themselves slowed the consumer that would end them). The
/// call carries the buyer's own token, so Ordering's ownership rule decides what Payments may see;
/// the answer is stored as the replica OrderCreated would have made, at Ordering's version, so the
/// event applies to it as a duplicate later. Ordering stays the only source of the amount.
/// </summary>
internal sealed class OrderingLookup(
    IHttpClientFactory clients, IOptions<PaymentsOptions> options, OwnAddress ownAddress, NestedApiCall nested, PaymentsDbContext db)
{
    /// <summary>The order as Ordering has it when it belongs to <paramref name="userId"/>; null when Ordering knows no such order of theirs.</summary>
    public async Task<OrderReplica?> FetchAsync(Guid orderId, Guid userId, HttpContext caller, CancellationToken cancellationToken)
    {
        var configured = options.Value.OrderingUrl;
        using var http = clients.CreateClient(string.IsNullOrWhiteSpace(configured) ? OwnAddress.HttpClientName : nameof(OrderingLookup));
        http.Timeout = options.Value.OrderingTimeout;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ownAddress.Or(configured), $"api/orders/{orderId}"));
        if (CallerToken(caller) is not { } token)
        {
            return null;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        nested.Stamp(request);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        // Anything else (Ordering restarting, at capacity) is an outage: the buyer is asked to retry.
        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<OrderingOrder>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new HttpRequestException("Ordering answered an empty order.");
        if (order.UserId != userId)
        {
            return null;
        }

        var replica = new OrderReplica
        {
            OrderId = order.Id, UserId = order.UserId, Status = order.Status, TotalMinor = order.Total,
            Currency = order.Currency.ToUpperInvariant(), ExpiresAt = order.ExpiresAt.ToUniversalTime(), Version = order.Version,
        };
        if (order.Status != OrderStatuses.Created)
        {
            // Only an order that can still be paid is worth keeping ahead of its events; the answer
            // (already paid, cancelled) is given from this copy without storing it.
            return replica;
        }

        // OrderCreated may store the same order at the same moment: the primary key decides, and
        // ON CONFLICT makes losing that race a no-op instead of a failed command logged as an error.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO order_replicas (order_id, user_id, status, total_minor, currency, expires_at, version)
            VALUES ({replica.OrderId}, {replica.UserId}, {replica.Status}, {replica.TotalMinor}, {replica.Currency}, {replica.ExpiresAt}, {replica.Version})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == orderId && o.UserId == userId, cancellationToken);
    }

    /// <summary>The token the caller signed in with: the bearer token, or the web session cookie that holds one.</summary>
    private static string? CallerToken(HttpContext caller)
    {
        if (AuthenticationHeaderValue.TryParse(caller.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && header.Parameter is { Length: > 0 } bearer)
        {
            return bearer;
        }

        return caller.Request.Cookies.TryGetValue(AuthSetup.SessionCookie, out var cookie) && cookie.Length > 0 ? cookie : null;
    }

    private sealed record OrderingOrder(Guid Id, string Status, Guid UserId, DateTime ExpiresAt, int Version, long Total, string Currency);
}
