namespace Ticketing.BuildingBlocks.Auth;

/// <summary>
/// The one form of an e-mail address that is stored, compared and put in tokens, in every service,
/// so look-alike spellings of one address are one account (see docs/api/identity.md).
/// </summary>
public static class EmailNormalisation
{
    /// <summary>
    /// Trim, fold full-width forms (U+FF01..U+FF5E, "ａlice") to ASCII, lower-case (invariant).
    /// Hand-rolled because <c>string.Normalize</c> is a no-op under InvariantGlobalization;
    /// anything else non-ASCII is refused by <see cref="IsAscii"/> rather than folded.
    /// </summary>
    public static string Normalise(string email)
    {
        var trimmed = email.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        }).ToLowerInvariant();
    }

    /// <summary>
    /// Only ASCII addresses are accepted: a dotless i, Cyrillic "а" or other confusable would
    /// otherwise make a second account that reads like someone else's.
    /// </summary>
    public static bool IsAscii(string normalisedEmail) => System.Text.Ascii.IsValid(normalisedEmail);
}
