using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// What user text the APIs store. Text is trimmed and must show at least one visible character
/// (a title made of NULs or zero-width spaces renders as nothing); control characters are refused
/// (in multi-line text all but tab, CR and LF), and so are the bidirectional embedding, override
/// and isolate controls, which make a venue or seat read differently from what it is ("Trojan
/// Source"). Zero-width joiners stay allowed inside text: emoji sequences and some scripts need them.
/// </summary>
public static class TextRules
{
    /// <summary>Trimmed single-line text of 1 to <paramref name="maxLength"/> characters (or empty when not <paramref name="required"/>).</summary>
    public static string SingleLine(this Validation validation, string? value, string field, int maxLength, bool required = true) =>
        Check(validation, value, field, maxLength, required, multiLine: false);

    /// <summary>Trimmed text that may hold line breaks and tabs, at most <paramref name="maxLength"/> characters, possibly empty.</summary>
    public static string MultiLine(this Validation validation, string? value, string field, int maxLength) =>
        Check(validation, value, field, maxLength, required: false, multiLine: true);

    /// <summary>Why trimmed, non-empty <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string text, bool multiLine = false)
    {
        var visible = false;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return "must be valid Unicode text (a lone surrogate was found)";
            }

            rest = rest[used..];
            if (IsForbidden(rune, multiLine))
            {
                return $"must not contain control characters or bidirectional controls (found U+{rune.Value:X4})";
            }

            visible |= IsVisible(rune);
        }

        return visible ? null : "must contain at least one visible character";
    }

    private static string Check(Validation validation, string? value, string field, int maxLength, bool required, bool multiLine)
    {
        var text = value?.Trim() ?? "";
        var rule = required ? $"The {field} is required, 1 to {maxLength} characters." : $"The {field} is at most {maxLength} characters.";
        validation.Require(text.Length <= maxLength && (text.Length > 0 || !required), field, rule);
        if (text.Length > 0 && text.Length <= maxLength && Problem(text, multiLine) is { } problem)
        {
            validation.Require(false, field, $"The {field} {problem}.");
        }

        return text;
    }

    private static bool IsForbidden(Rune rune, bool multiLine) => rune.Value switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => true,
        // Line and paragraph separators break a single line as surely as LF does.
        0x2028 or 0x2029 => !multiLine,
        _ => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control,
    };

    private static bool IsVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
