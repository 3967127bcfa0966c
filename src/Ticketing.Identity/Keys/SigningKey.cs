using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Ticketing.Identity.Keys;

/// <summary>An ES256 (P-256) key with its <c>kid</c> and when it started signing.</summary>
internal sealed record SigningKey(string KeyId, ECDsaSecurityKey SecurityKey, DateTime CreatedAt)
{
    public static SigningKey Generate(DateTime now) => From(ECDsa.Create(ECCurve.NamedCurves.nistP256), null, now);

    /// <summary>Reads a PEM (PKCS#8, SEC1 or SubjectPublicKeyInfo); only P-256 is accepted, to match ES256.</summary>
    public static SigningKey FromPem(string pem, string? keyId, DateTime createdAt)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        if (ecdsa.KeySize != 256)
        {
            throw new InvalidOperationException($"Signing keys must be EC P-256 (ES256); got a {ecdsa.KeySize}-bit key.");
        }

        return From(ecdsa, keyId, createdAt);
    }

    public bool HasPrivateKey => CanExportPrivate(SecurityKey.ECDsa);

    public string ExportPrivatePem() => SecurityKey.ECDsa.ExportPkcs8PrivateKeyPem();

    public string ExportPublicPem() => SecurityKey.ECDsa.ExportSubjectPublicKeyInfoPem();

    public JsonWebKey ToJsonWebKey()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(PublicOnly(SecurityKey.ECDsa)) { KeyId = KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        return jwk;
    }

    private static SigningKey From(ECDsa ecdsa, string? keyId, DateTime createdAt)
    {
        var key = new ECDsaSecurityKey(ecdsa);
        // The RFC 7638 thumbprint is the same on every replica that loads the same key.
        key.KeyId = string.IsNullOrWhiteSpace(keyId)
            ? Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(PublicOnly(ecdsa))).ComputeJwkThumbprint())
            : keyId;
        return new SigningKey(key.KeyId, key, createdAt);
    }

    private static ECDsa PublicOnly(ECDsa ecdsa) => ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));

    private static bool CanExportPrivate(ECDsa ecdsa)
    {
        try
        {
            ecdsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
