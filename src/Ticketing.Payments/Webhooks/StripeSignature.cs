using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ticketing.Payments.Webhooks;

/// <summary>
/// Stripe's webhook signature scheme: <c>Stripe-Signature: t={unix seconds},v1={hex}[,v1=...]</c>
/// where each v1 is HMAC-SHA256 over <c>"{t}.{raw body}"</c> keyed with the endpoint secret.
/// Several v1 values appear while a secret is being rolled; one match is enough. The timestamp
/// window stops a captured request from being replayed later.
/// </summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    public static bool Verify(string payload, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            var key = part[..separator].Trim();
            var value = part[(separator + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && TryFromHex(value) is { } signature)
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is not { } seconds || signatures.Count == 0)
        {
            return false;
        }

        // Both directions: a timestamp far in the future would otherwise stay replayable for long.
        var age = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Compute(payload, seconds, secret);
        var match = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, in constant time, so timing reveals nothing about which matched.
            match |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return match;
    }

    /// <summary>The header value for <paramref name="payload"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        return $"t={seconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(payload, seconds, secret))}";
    }

    private static byte[] Compute(string payload, long seconds, string secret) =>
        HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{seconds.ToString(CultureInfo.InvariantCulture)}.{payload}"));

    private static byte[]? TryFromHex(string value)
    {
        if (value.Length != 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
