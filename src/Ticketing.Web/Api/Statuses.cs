namespace Ticketing.Web.Api;

// The APIs' status words, copied like the DTOs: pages compare against these, never against literals.

public static class EventStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";
}

public static class TicketStatus
{
    public const string Available = "available";
}

public static class OrderStatus
{
    public const string Created = "created";
    public const string Cancelled = "cancelled";
    public const string Complete = "complete";
}

public static class PaymentStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>Failure codes of a payment that never reached the card: the buyer was not charged and may simply pay again.</summary>
public static class PaymentFailure
{
    public const string NotStarted = "payment_not_started";
    public const string Abandoned = "payment_abandoned";
}

public static class PaymentProvider
{
    public const string Stripe = "stripe";
}

public static class PassStatus
{
    public const string Active = "active";
    public const string CheckedIn = "checked-in";
    public const string Revoked = "revoked";
}
