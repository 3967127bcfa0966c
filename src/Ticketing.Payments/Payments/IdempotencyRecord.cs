namespace Ticketing.Payments.Payments;

/// <summary>
/// The first answer to a request carrying an <c>Idempotency-Key</c>, per user. The row is
/// claimed before the work starts (status null), so two concurrent retries cannot both pay.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public Guid UserId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the request body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Body { get; set; }

    public DateTime CreatedAt { get; set; }
}
