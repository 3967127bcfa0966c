namespace Ticketing.Identity.External;

/// <summary>
/// A user of an external issuer the platform has seen a token of. The unique (issuer, subject)
/// key makes recording idempotent across requests and replicas; the unique email keeps one
/// address one user in every service's directory.
/// </summary>
public sealed class ExternalUser
{
    public const int IssuerMaxLength = 500;
    public const int SubjectMaxLength = 255;

    public Guid UserId { get; init; }

    public string Issuer { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Email { get; set; } = "";

    public DateTime CreatedAt { get; init; }
}
