using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.BuildingBlocks.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The signed-in user's platform id, or null when anonymous. A <c>sub</c> that is a GUID (the
    /// built-in issuer, Keycloak) is the id itself; any other subject (<c>auth0|123</c>) maps to
    /// <see cref="ExternalUserId"/> of its issuer, so every service derives the same id without a lookup.
    /// </summary>
    public static Guid? GetUserId(this ClaimsPrincipal principal)
    {
        var subjectClaim = principal.FindFirst("sub") ?? principal.FindFirst(ClaimTypes.NameIdentifier);
        if (subjectClaim is null || string.IsNullOrWhiteSpace(subjectClaim.Value))
        {
            return null;
        }

        if (Guid.TryParse(subjectClaim.Value, out var id))
        {
            return id;
        }

        // The validated token's issuer; the claim's Issuer is the handler's copy of the same value.
        var issuer = principal.FindFirstValue("iss") ?? subjectClaim.Issuer;
        return string.IsNullOrEmpty(issuer) || issuer == ClaimsIdentity.DefaultIssuer ? null : ExternalUserId(issuer, subjectClaim.Value);
    }

    public static string? GetEmail(this ClaimsPrincipal principal) =>
        principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);

    /// <summary>
    /// A name-based UUID (RFC 9562 version 8): the first 16 bytes of SHA-256 over the UTF-8 of
    /// <c>issuer + "|" + subject</c>, with the version and variant bits set. Documented in ADR 0010
    /// so tools outside .NET can compute it too.
    /// </summary>
    public static Guid ExternalUserId(string issuer, string subject)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}|{subject}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
