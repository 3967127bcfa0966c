using System.Text.Json.Serialization;
using Ticketing.Payments.Domain;

namespace Ticketing.Payments.Payments;

/// <summary>A payment as its owner sees it; <c>amount</c> is in minor units (cents), like Stripe's.</summary>
public sealed record PaymentResponse(
    Guid Id,
    Guid OrderId,
    string Status,
    long Amount,
    string Currency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret,
    string Provider,
    int Attempt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureCode,
    DateTime CreatedAt)
{
    internal static PaymentResponse From(Payment p) =>
        new(p.Id, p.OrderId, p.Status, p.AmountMinor, p.Currency, p.ClientSecret, p.Provider, p.Attempt, p.FailureCode, p.CreatedAt);
}
