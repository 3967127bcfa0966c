using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Passes;

namespace Ticketing.Catalog.Tests.Domain;

public sealed class PassKeyRotationTests
{
    private static readonly string OldPem = NewPem();
    private static readonly string NewKeyPem = NewPem();

    [Fact]
    public void Verify_codeSignedByRetiredKeyStillListed_isAccepted()
    {
        var payload = new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 3);
        var oldCode = Load(OldPem).Sign(payload);

        var rotated = Load(NewKeyPem, PublicHalf(OldPem));

        Assert.Equal(payload, rotated.Verify(oldCode));
        Assert.Equal(payload, rotated.Verify(rotated.Sign(payload)));
        Assert.NotEqual(oldCode, rotated.Sign(payload));
    }

    [Fact]
    public void Verify_codeSignedByRetiredKeyNoLongerListed_isRejected()
    {
        var oldCode = Load(OldPem).Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1));

        Assert.Null(Load(NewKeyPem).Verify(oldCode));
    }

    [Fact]
    public void Load_withPreviousKeys_publishesCurrentKeyFirstThenRetiredOnes()
    {
        var rotated = Load(NewKeyPem, PublicHalf(OldPem));

        Assert.Equal([Load(NewKeyPem).KeyId, Load(OldPem).KeyId], rotated.VerificationKeys.Select(k => k.KeyId));
        Assert.Equal(rotated.KeyId, rotated.VerificationKeys[0].KeyId);
    }

    [Fact]
    public void Load_previousKeyNotP256_failsAtStartWithTheSettingName()
    {
        using var rsa = RSA.Create(2048);

        var error = Assert.ThrowsAny<Exception>(() => Load(NewKeyPem, rsa.ExportSubjectPublicKeyInfoPem()));

        Assert.Contains("PreviousPems", error.Message);
    }

    private static PassSigner Load(string pem, params string[] previous) =>
        PassSigningKey.Load(new PassSigningKeyOptions { Pem = pem, PreviousPems = [.. previous] }, Path.GetTempPath(), NullLogger.Instance);

    private static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static string PublicHalf(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.ExportSubjectPublicKeyInfoPem();
    }
}
