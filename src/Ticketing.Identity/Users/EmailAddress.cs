using System.Net.Mail;

namespace Ticketing.Identity.Users;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trim + lower-case: the form stored, compared and put in tokens.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A bare address (no display name, no comments) with a dotted domain.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = email.Trim();
        return trimmed.Length <= MaxLength
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.')
            && !parsed.Host.StartsWith('.')
            && !parsed.Host.EndsWith('.');
    }
}
