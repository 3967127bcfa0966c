using System.Net.Mail;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Users;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trim, fold full-width letters, lower-case: the form stored, compared and put in tokens.</summary>
    public static string Normalise(string email) => EmailNormalisation.Normalise(email);

    /// <summary>Why an address that parses is still refused, or null when it is accepted.</summary>
    public static string? Refusal(string email) => EmailNormalisation.IsAscii(Normalise(email))
        ? null
        : "Only ASCII e-mail addresses are accepted (look-alike letters such as 'ı' or Cyrillic 'а' are refused; write an internationalised domain in its xn-- form).";

    /// <summary>A bare address (no display name, no comments) with a dotted domain, judged in its normalised form.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = Normalise(email);
        return trimmed.Length <= MaxLength
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.')
            && !parsed.Host.StartsWith('.')
            && !parsed.Host.EndsWith('.');
    }
}
