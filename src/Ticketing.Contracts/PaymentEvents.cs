namespace Ticketing.Contracts;

public sealed record PaymentSucceeded(
    Guid PaymentId,
    Guid OrderId,
    Guid UserId,
    long AmountMinor,
    string Currency,
    string Provider) : IntegrationEvent;

public sealed record RefundIssued(
    Guid PaymentId,
    Guid OrderId,
    Guid UserId,
    long AmountMinor,
    string Currency,
    string Reason) : IntegrationEvent;
