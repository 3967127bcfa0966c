using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Tests.Domain;

public sealed class PassCodeTests
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly PassSigner _signer = new(ECDsa.Create(ECCurve.NamedCurves.nistP256), "test");

    [Fact]
    public void Verify_codeSignedByTheKey_returnsItsPayload()
    {
        var payload = new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 7);

        var code = _signer.Sign(payload);

        Assert.Equal(payload, _signer.Verify(code));
        Assert.True(code.Length <= Pass.CodeMaxLength);
    }

    [Fact]
    public void Verify_codeSignedByAnotherKey_isRejected()
    {
        var forger = new PassSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "forger");

        var forged = forger.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1));

        Assert.Null(_signer.Verify(forged));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(49)]
    [InlineData(60)]
    [InlineData(136)]
    public void Verify_anyCharacterChanged_isRejected(int position)
    {
        var code = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1)).ToCharArray();
        code[position] = code[position] == 'A' ? 'B' : 'A';

        Assert.Null(_signer.Verify(new string(code)));
    }

    [Fact]
    public void Verify_lastCharacterReplacedByEveryOtherBase64UrlCharacter_isRejectedWithoutThrowing()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var code = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1));

        foreach (var replacement in alphabet.Where(c => c != code[^1]))
        {
            Assert.Null(_signer.Verify(code[..^1] + replacement));
        }
    }

    [Fact]
    public void Verify_payloadOfAnotherCodeWithThisSignature_isRejected()
    {
        var first = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1)).Split('.');
        var second = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 2)).Split('.');

        Assert.Null(_signer.Verify($"{second[0]}.{first[1]}"));
    }

    [Fact]
    public void Sign_anyPayload_issuesLowSSignatures()
    {
        for (var i = 0; i < 64; i++)
        {
            var signature = Base64Url.DecodeFromChars(_signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), i)).Split('.')[1]);

            Assert.True(PassCode.IsLowS(signature));
        }
    }

    [Fact]
    public void Verify_highSTwinOfCode_isRejected()
    {
        var code = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1));

        var twin = HighSTwin(code);

        Assert.NotNull(_signer.Verify(code));
        Assert.Null(_signer.Verify(twin));
        // The twin is a valid ECDSA signature: only the canonical-s rule refuses it.
        Assert.NotNull(_signer.Verify(twin, canonicalOnly: false));
    }

    [Fact]
    public void Verify_reencodingsOfCode_areRejected()
    {
        var code = CodeWithUrlSafeCharacters();
        var dot = code.IndexOf('.');

        string[] variants =
        [
            code + "=", code[..dot] + "=." + code[(dot + 1)..] + "=", code.ToUpperInvariant(), code.ToLowerInvariant(),
            code.Replace('-', '+').Replace('_', '/'), code[..10] + " " + code[10..], code.Replace(".", ". "),
            "\u00a0" + code, code + "\u200b", "\uFEFF" + code,
        ];

        Assert.All(variants.Where(v => v != code), v => Assert.Null(_signer.Verify(v)));
        Assert.NotNull(_signer.Verify($" {code}\r\n"));
    }

    /// <summary>The same code with the signature's s replaced by n - s (still a valid ECDSA signature).</summary>
    internal static string HighSTwin(string code)
    {
        var order = new BigInteger(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);
        var parts = code.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[1]);
        var s = order - new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, 32, 32);
        var bytes = s.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(signature, 64 - bytes.Length);
        return $"{parts[0]}.{Base64Url.EncodeToString(signature)}";
    }

    private string CodeWithUrlSafeCharacters()
    {
        while (true)
        {
            var code = _signer.Sign(new PassPayload(Guid.NewGuid(), Guid.NewGuid(), 1));
            if (code.Contains('-') && code.Contains('_'))
            {
                return code;
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-code")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("AQ==.AQ==")]
    public void Verify_garbage_isRejected(string code) => Assert.Null(_signer.Verify(code));

    [Fact]
    public void Transfer_activePass_movesItUnderNextSerialAndNewCode()
    {
        var pass = IssuedPass(out var buyer);
        var oldCode = pass.Code;
        var friend = Guid.NewGuid();

        Assert.Null(pass.TransferTo(friend, checkedIn: false, _signer));

        Assert.Equal((friend, 2), (pass.HolderId, pass.Serial));
        Assert.NotEqual(buyer, pass.HolderId);
        Assert.Equal(new PassPayload(pass.TicketId, pass.EventId!.Value, 2), _signer.Verify(pass.Code));
        Assert.Equal(1, _signer.Verify(oldCode)!.Serial);
    }

    [Fact]
    public void Transfer_checkedInOrRevoked_isRefusedAndChangesNothing()
    {
        var used = IssuedPass(out var buyer);
        var revoked = IssuedPass(out _);
        revoked.Revoke(Now);

        Assert.NotNull(used.TransferTo(Guid.NewGuid(), checkedIn: true, _signer));
        Assert.NotNull(revoked.TransferTo(Guid.NewGuid(), checkedIn: false, _signer));

        Assert.Equal((buyer, 1), (used.HolderId, used.Serial));
        Assert.Equal(PassStates.Revoked, revoked.State(checkedIn: false));
    }

    private Pass IssuedPass(out Guid buyer)
    {
        var show = Event.Create(Guid.NewGuid(), new EventDetails("Show", "", "Hall", Now.AddDays(5), Now.AddDays(6), "EUR"), Now);
        var ticket = Ticket.CreateAdmission(show, "GA", null, 1000, Now);
        buyer = Guid.NewGuid();
        return Pass.Issue(ticket, Guid.NewGuid(), buyer, _signer, Now);
    }
}
