using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Payments.Orders;

/// <summary>
/// Asks Ordering, with the buyer's own token, for the order about to be paid
/// (<c>POST /api/orders/{id}/checkout</c>): Ordering answers from the order's own row, extending a
/// hold about to end for the payment window, so "can it still be paid" is decided where the
/// expiry is, before any money moves (ADR 17), and a buyer can pay the moment the order was
/// created, before OrderCreated reached Payments (ADR 11). An order only Ordering knows is stored
/// as the replica OrderCreated would have made, at Ordering's version, so the event applies to it
/// as a duplicate later. Ordering's ownership rule decides what Payments may see, and Ordering
/// stays the only source of the amount.
/// </summary>
internal sealed class OrderingCheckout(
    IHttpClientFactory clients, IOptions<PaymentsOptions> options, OwnAddress ownAddress, NestedApiCall nested, PaymentsDbContext db,
    ILogger<OrderingCheckout> logger)
{
    /// <summary>
    /// The order as Ordering has it now when it belongs to <paramref name="userId"/>; null when
    /// neither Ordering nor the replica knows such an order of theirs. When Ordering cannot answer
    /// (down, at capacity, slow) or does not know the order, the replica answers alone, without an
    /// extended hold; with no replica, an outage propagates and the buyer is asked to retry.
    /// </summary>
    public async Task<OrderReplica?> StartAsync(Guid orderId, Guid userId, HttpContext caller, CancellationToken cancellationToken)
    {
        var replica = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == orderId && o.UserId == userId, cancellationToken);
        OrderingOrder? order;
        try
        {
            order = await AskOrderingAsync(orderId, caller, cancellationToken);
        }
        catch (Exception ex) when (replica is not null && ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Ordering could not start the checkout of order {OrderId}; paying from the replica", orderId);
            return replica;
        }

        if (order is null || order.UserId != userId)
        {
            // Ordering knows no such order of this caller's: the replica, built from Ordering's own
            // events, is all there is (null when there is none either).
            return replica;
        }

        var expiresAt = order.ExpiresAt.ToUniversalTime();
        if (replica is not null)
        {
            if (expiresAt > replica.ExpiresAt)
            {
                // The extended hold: the pending-payment reconciler must not give up on it at the old deadline.
                await db.Orders.Where(o => o.OrderId == orderId && o.ExpiresAt < expiresAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, expiresAt), cancellationToken);
            }

            replica.Status = order.Status;
            replica.ExpiresAt = expiresAt;
            return replica;
        }

        var fresh = new OrderReplica
        {
            OrderId = order.Id, UserId = order.UserId, Status = order.Status, TotalMinor = order.Total,
            Currency = order.Currency.ToUpperInvariant(), ExpiresAt = expiresAt, Version = order.Version,
        };
        if (order.Status != OrderStatuses.Created)
        {
            // Only an order that can still be paid is worth keeping ahead of its events; the answer
            // (already paid, cancelled) is given from this copy without storing it.
            return fresh;
        }

        // OrderCreated may store the same order at the same moment: the primary key decides, and
        // ON CONFLICT makes losing that race a no-op instead of a failed command logged as an error.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO order_replicas (order_id, user_id, status, total_minor, currency, expires_at, version)
            VALUES ({fresh.OrderId}, {fresh.UserId}, {fresh.Status}, {fresh.TotalMinor}, {fresh.Currency}, {fresh.ExpiresAt}, {fresh.Version})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == orderId && o.UserId == userId, cancellationToken);
    }

    /// <summary>Ordering's answer; null when it knows no such order of the caller's (or the caller has no token to ask with).</summary>
    private async Task<OrderingOrder?> AskOrderingAsync(Guid orderId, HttpContext caller, CancellationToken cancellationToken)
    {
        if (CallerToken(caller) is not { } token)
        {
            return null;
        }

        var configured = options.Value.OrderingUrl;
        using var http = clients.CreateClient(string.IsNullOrWhiteSpace(configured) ? OwnAddress.HttpClientName : nameof(OrderingCheckout));
        http.Timeout = options.Value.OrderingTimeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ownAddress.Or(configured), $"api/orders/{orderId}/checkout"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        nested.Stamp(request);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        // Anything else (Ordering restarting, at capacity) is an outage.
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderingOrder>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new HttpRequestException("Ordering answered an empty order.");
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
