using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Payments.Providers;

namespace Ticketing.Payments.Webhooks;

internal static class StripeWebhook
{
    /// <summary>Stripe events are a few kilobytes; anything far larger is not one.</summary>
    private const int MaxPayloadBytes = 256 * 1024;

    public sealed record WebhookAck(bool Received, string Outcome);

    public static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, WebhookProcessor processor, IOptions<PaymentsOptions> options, CancellationToken cancellationToken)
    {
        if (options.Value.Stripe.WebhookSecret is not { Length: > 0 } secret)
        {
            return Problems.NotFound("Stripe webhooks are not configured (Payments:Stripe:WebhookSecret).");
        }

        if (request.ContentLength > MaxPayloadBytes)
        {
            return Problems.BadRequest("The payload is too large for a Stripe event.");
        }

        // The signature covers the exact bytes sent, so the body is read raw, never re-serialised.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        WebhookResult result;
        try
        {
            result = await processor.ProcessAsync(ProviderNames.Stripe, payload, request.Headers[StripeEvent.Header], secret, cancellationToken);
        }
        catch (PaymentProviderException ex)
        {
            // A refund could not be made yet: a non-2xx makes Stripe deliver the event again later.
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Payment provider unavailable");
        }

        return result.Outcome == WebhookOutcome.Rejected
            ? Problems.BadRequest(result.Detail ?? "Rejected.")
            : TypedResults.Ok(new WebhookAck(true, result.Outcome.ToString().ToLowerInvariant()));
    }
}
