using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;

namespace Ticketing.Catalog.Domain;

/// <summary>What a QR code asserts: this ticket of this event, at this serial (<see cref="Guid.Empty"/> when it has no event).</summary>
internal sealed record PassPayload(Guid TicketId, Guid EventId, int Serial);

/// <summary>
/// The QR text: <c>base64url(version, ticket id, event id, serial)</c> "." <c>base64url(ES256 signature)</c>,
/// 137 characters, small enough for a low-density QR code that cheap phone cameras read. The
/// signature covers the version byte too, so a code cannot be replayed under another format.
/// ECDSA signatures are malleable (<c>(r, n - s)</c> verifies as well as <c>(r, s)</c>), so codes are
/// issued with the low <c>s</c> and a high one is not canonical: one pass, one code.
/// </summary>
internal static class PassCode
{
    public const byte FormatVersion = 1;
    private const int PayloadLength = 1 + 16 + 16 + 4;
    private const int SignatureLength = 64;

    /// <summary>The order n of the P-256 group; a canonical signature has s at most n / 2.</summary>
    private static readonly BigInteger Order = new(
        Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);

    private static readonly BigInteger HalfOrder = Order >> 1;

    /// <summary>Scanners (keyboard wedges) add line ends; nothing else around a code is tolerated.</summary>
    private static readonly char[] ScannerWhitespace = [' ', '\t', '\r', '\n'];

    public static byte[] Encode(PassPayload payload)
    {
        var bytes = new byte[PayloadLength];
        bytes[0] = FormatVersion;
        payload.TicketId.TryWriteBytes(bytes.AsSpan(1, 16), bigEndian: true, out _);
        payload.EventId.TryWriteBytes(bytes.AsSpan(17, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(33, 4), payload.Serial);
        return bytes;
    }

    public static string Format(byte[] payload, byte[] signature) =>
        $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";

    public static string Trim(string code) => code.Trim(ScannerWhitespace);

    /// <summary>The same signature with s replaced by n - s when s is above n / 2 (both verify).</summary>
    public static byte[] ToLowS(byte[] signature)
    {
        var s = S(signature);
        if (s <= HalfOrder)
        {
            return signature;
        }

        var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = (byte[])signature.Clone();
        Array.Clear(result, 32, 32);
        low.CopyTo(result, SignatureLength - low.Length);
        return result;
    }

    public static bool IsLowS(ReadOnlySpan<byte> signature) => S(signature) <= HalfOrder;

    /// <summary>
    /// The payload when <paramref name="code"/> is well formed and signed by <paramref name="publicKey"/>; otherwise null.
    /// <paramref name="canonicalOnly"/> false also accepts a high s: only for comparing with a stored code issued before low s.
    /// </summary>
    public static PassPayload? Verify(string? code, ECDsa publicKey, bool canonicalOnly = true)
    {
        if (code is null || code.Length > Pass.CodeMaxLength)
        {
            return null;
        }

        var parts = Trim(code).Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], PayloadLength, out var payload) || !TryDecode(parts[1], SignatureLength, out var signature))
        {
            return null;
        }

        if (payload[0] != FormatVersion || (canonicalOnly && !IsLowS(signature))
            || !publicKey.VerifyData(payload, signature, HashAlgorithmName.SHA256))
        {
            return null;
        }

        return new PassPayload(
            new Guid(payload.AsSpan(1, 16), bigEndian: true),
            new Guid(payload.AsSpan(17, 16), bigEndian: true),
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(33, 4)));
    }

    private static bool TryDecode(string text, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        // Only the canonical encoding: a character that merely flips unused bits is still an altered code.
        return text.Length == Base64Url.GetEncodedLength(length)
            // The OperationStatus overload: TryDecodeFromChars throws on trailing bits that are not zero.
            && Base64Url.DecodeFromChars(text, bytes, out _, out var written) == OperationStatus.Done && written == length
            && Base64Url.EncodeToString(bytes) == text;
    }

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[32..], isUnsigned: true, isBigEndian: true);
}

/// <summary>
/// Signs pass payloads with the service's current P-256 key. Codes signed by a retired key keep
/// verifying while that key is listed as previous: passes are printed and mailed long before the
/// gate opens, so a rotation must not void them. Trying each key is cheap (a handful of keys).
/// </summary>
internal sealed class PassSigner(ECDsa key, string keyId, IReadOnlyList<PassVerificationKey>? previous = null)
{
    public string KeyId => keyId;

    public ECDsa Key => key;

    /// <summary>The current key first, then retired ones still accepted.</summary>
    public IReadOnlyList<PassVerificationKey> VerificationKeys { get; } = [new(key, keyId), .. previous ?? []];

    public string Sign(PassPayload payload)
    {
        var bytes = PassCode.Encode(payload);
        return PassCode.Format(bytes, PassCode.ToLowS(key.SignData(bytes, HashAlgorithmName.SHA256)));
    }

    public PassPayload? Verify(string? code, bool canonicalOnly = true)
    {
        foreach (var candidate in VerificationKeys)
        {
            if (PassCode.Verify(code, candidate.Key, canonicalOnly) is { } payload)
            {
                return payload;
            }
        }

        return null;
    }
}

internal sealed record PassVerificationKey(ECDsa Key, string KeyId);
