using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Payments.Payments;

internal static class ListPayments
{
    /// <summary>The caller's payments, oldest first, optionally for one order; others' payments never show.</summary>
    public static async Task<Results<Ok<List<PaymentResponse>>, ProblemHttpResult>> ListAsync(
        Guid? orderId, ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        if (principal.GetUserId() is not { } userId)
        {
            return Problems.Forbidden("The token does not identify a user.");
        }

        var query = db.Payments.AsNoTracking().Where(p => p.UserId == userId);
        if (orderId is { } id)
        {
            query = query.Where(p => p.OrderId == id);
        }

        var payments = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Attempt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(payments.Select(PaymentResponse.From).ToList());
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken);
        return payment is null ? Problems.NotFound($"Payment {id} not found.") : TypedResults.Ok(PaymentResponse.From(payment));
    }

    /// <summary>What the web front end needs to start a payment: which provider, and Stripe's publishable key.</summary>
    public static Ok<PaymentConfigResponse> Config(IOptions<PaymentsOptions> options) =>
        TypedResults.Ok(new PaymentConfigResponse(
            options.Value.ActiveProvider,
            options.Value.ActiveProvider == ProviderNames.Stripe ? options.Value.Stripe.PublishableKey : null));
}

public sealed record PaymentConfigResponse(string Provider, string? PublishableKey);
