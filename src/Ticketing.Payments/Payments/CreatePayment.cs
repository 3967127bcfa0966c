using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Observability;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Payments.Domain;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Providers;

namespace Ticketing.Payments.Payments;

public sealed record CreatePaymentRequest(Guid? OrderId, string? PaymentMethod);

internal static class CreatePayment
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult, ContentHttpResult>> HandleAsync(
        CreatePaymentRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal principal,
        HttpContext httpContext,
        PaymentsDbContext db,
        OrderingCheckout checkout,
        PaymentProviders providers,
        IdempotentRequests idempotency,
        TimeProvider time,
        ILogger<PaymentsModule> logger,
        CancellationToken cancellationToken)
    {
        if (principal.GetUserId() is not { } userId)
        {
            return Problems.Forbidden("The token does not identify a user.");
        }

        if (idempotencyKey is null)
        {
            return await PayAsync(request, userId, httpContext, db, checkout, providers, time, logger, cancellationToken);
        }

        if (idempotencyKey.Length is 0 or > IdempotencyRecord.MaxKeyLength)
        {
            return new Validation().Require(false, IdempotencyHeader, $"Use 1 to {IdempotencyRecord.MaxKeyLength} characters.").ToProblem();
        }

        var claim = await idempotency.ClaimAsync(userId, idempotencyKey, Fingerprint(request), cancellationToken);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                return TypedResults.Content(claim.Record!.Body, claim.Record.ContentType, Encoding.UTF8, claim.Record.StatusCode);
            case ClaimOutcome.InProgress:
                return Problems.Conflict("A request with this Idempotency-Key is still in progress; retry shortly.");
            case ClaimOutcome.DifferentRequest:
                return TypedResults.Problem("This Idempotency-Key was already used for a different request.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");
        }

        Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult, ContentHttpResult> result;
        try
        {
            result = await PayAsync(request, userId, httpContext, db, checkout, providers, time, logger, cancellationToken);
        }
        catch
        {
            await idempotency.ReleaseAsync(userId, idempotencyKey);
            throw;
        }

        var (status, contentType, body) = Describe(result.Result);
        // A 404 is not kept either: an order Ordering did not know yet (or could not tell) may exist
        // on a retry with the same key.
        if (status >= 500 || status == StatusCodes.Status404NotFound)
        {
            await idempotency.ReleaseAsync(userId, idempotencyKey);
        }
        else
        {
            await idempotency.CompleteAsync(userId, idempotencyKey, status, contentType, body, CancellationToken.None);
        }

        return result;
    }

    private static async Task<Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult, ContentHttpResult>> PayAsync(
        CreatePaymentRequest request, Guid userId, HttpContext httpContext, PaymentsDbContext db, OrderingCheckout checkout,
        PaymentProviders providers, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var provider = providers.Active;
        var methodError = provider.CheckPaymentMethod(request.PaymentMethod);
        var validation = new Validation()
            .Require(request.OrderId is { } id && id != Guid.Empty, "orderId", "The order id is required.")
            .Require(methodError is null, "paymentMethod", methodError ?? "");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var order = await checkout.StartAsync(request.OrderId!.Value, userId, httpContext, cancellationToken);
        // Read after Ordering answered, never before: a checkout queued for seconds may find the hold
        // over and leave it unextended, and a clock read earlier would still call it live.
        var now = time.GetUtcNow().UtcDateTime;
        if (order is null)
        {
            return Problems.NotFound($"Order {request.OrderId} not found.");
        }

        if (order.Status == OrderStatuses.Cancelled)
        {
            return Problems.Conflict(order.CancelReason == Ticketing.Contracts.CancellationReasons.EventCancelled
                ? "The organizer cancelled this order's event, so the order was cancelled and cannot be paid; anything already paid for it is refunded."
                : "The order was cancelled.");
        }

        if (order.Status == OrderStatuses.Complete || order.PaidPaymentId is not null)
        {
            return Problems.Conflict("The order is already paid.");
        }

        if (order.ExpiresAt <= now)
        {
            return Problems.Conflict("The order has expired.");
        }

        using var purchaseTrace = TraceContext.Continue(order.TraceParent, "pay order");
        var attempt = 1 + (await db.Payments.Where(p => p.OrderId == order.OrderId).MaxAsync(p => (int?)p.Attempt, cancellationToken) ?? 0);
        var payment = Payment.Start(order.OrderId, userId, provider.Name, order.TotalMinor, order.Currency, attempt, now);
        db.Payments.Add(payment);
        try
        {
            // Stored before the provider is called, so a webhook that beats our response finds it.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // ux_payments_order_attempt: a concurrent request took the same attempt number.
            return Problems.Conflict("Another payment for this order is being started; retry.");
        }

        ProviderPayment started;
        try
        {
            started = await provider.CreateAsync(
                new ProviderPaymentRequest(payment.Id, order.OrderId, attempt, order.TotalMinor, order.Currency, request.PaymentMethod),
                cancellationToken);
        }
        catch (Exception ex) when (ex is PaymentMethodRejectedException or PaymentProviderException)
        {
            payment.Fail(ex is PaymentMethodRejectedException ? "invalid_payment_method" : "provider_error", now);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Starting payment {PaymentId} for order {OrderId} failed", payment.Id, order.OrderId);
            return ex is PaymentMethodRejectedException
                ? new Validation().Require(false, "paymentMethod", ex.Message).ToProblem()
                : TypedResults.Problem("The payment provider is unavailable; try again.", statusCode: StatusCodes.Status502BadGateway,
                    title: "Payment provider unavailable");
        }

        payment.AttachProvider(started.ProviderPaymentId, started.ClientSecret);
        if (started.DeclineCode is { } declined)
        {
            payment.Fail(declined, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Stripe's webhook already settled it; keep that outcome and add what only we know.
            db.ChangeTracker.Clear();
            await db.Payments.Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ProviderPaymentId, started.ProviderPaymentId)
                .SetProperty(p => p.ClientSecret, started.ClientSecret), CancellationToken.None);
            payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == payment.Id, CancellationToken.None);
        }

        return TypedResults.Created($"/api/payments/{payment.Id}", PaymentResponse.From(payment));
    }

    internal static string Fingerprint(CreatePaymentRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.OrderId}\n{request.PaymentMethod}")));

    /// <summary>Status and JSON body of an answer, as a replay must send them.</summary>
    private static (int Status, string ContentType, string Body) Describe(IResult result) => result switch
    {
        Created<PaymentResponse> created => (StatusCodes.Status201Created, "application/json",
            JsonSerializer.Serialize(created.Value, MessageSerializer.Options)),
        ProblemHttpResult problem => (problem.StatusCode, "application/problem+json",
            JsonSerializer.Serialize(problem.ProblemDetails, MessageSerializer.Options)),
        ValidationProblem validation => (StatusCodes.Status400BadRequest, "application/problem+json",
            JsonSerializer.Serialize(validation.ProblemDetails, MessageSerializer.Options)),
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };
}
