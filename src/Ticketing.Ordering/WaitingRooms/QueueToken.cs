using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Ticketing.Ordering.WaitingRooms;

/// <summary>
/// A buyer's place in line, signed with the room's secret (HMAC-SHA256): POST /api/orders checks
/// it without reading the line, so admission costs the sale's hot path no database round trip,
/// and a token cannot be moved to another account, another event or an earlier time.
/// Text: <c>eventId.userId.position.admitAtMs.closesAtMs.signature</c> (times in Unix milliseconds).
/// </summary>
internal sealed record QueueToken(Guid EventId, Guid UserId, int Position, DateTime AdmitAt, DateTime ClosesAt)
{
    public const string Header = "Queue-Token";

    public string Sign(byte[] secret)
    {
        var payload = Payload();
        return $"{payload}.{WebEncoders.Base64UrlEncode(Mac(secret, payload))}";
    }

    /// <summary>The token's claims, unchecked, or null when the text is not a queue token at all.</summary>
    public static QueueToken? Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 6
            || !Guid.TryParseExact(parts[0], "N", out var eventId)
            || !Guid.TryParseExact(parts[1], "N", out var userId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !TryParseTime(parts[3], out var admitAt)
            || !TryParseTime(parts[4], out var closesAt))
        {
            return null;
        }

        return new QueueToken(eventId, userId, position, admitAt, closesAt);
    }

    /// <summary>True when <paramref name="text"/> carries exactly this token's claims, signed with <paramref name="secret"/>.</summary>
    public static bool IsSignedBy(string text, byte[] secret)
    {
        var dot = text.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = WebEncoders.Base64UrlDecode(text[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(signature, Mac(secret, text[..dot]));
    }

    private string Payload() => string.Create(CultureInfo.InvariantCulture,
        $"{EventId:N}.{UserId:N}.{Position}.{new DateTimeOffset(AdmitAt).ToUnixTimeMilliseconds()}.{new DateTimeOffset(ClosesAt).ToUnixTimeMilliseconds()}");

    private static byte[] Mac(byte[] secret, string payload) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(payload));

    private static bool TryParseTime(string text, out DateTime time)
    {
        time = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return true;
    }
}
