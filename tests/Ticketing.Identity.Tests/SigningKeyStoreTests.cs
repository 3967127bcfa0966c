using Microsoft.Extensions.Logging.Abstractions;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.Identity.Keys;

namespace Ticketing.Identity.Tests;

public sealed class SigningKeyStoreTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("ticketing-store-").FullName;
    private readonly ManualClock _clock = new(Start);
    private readonly AuthOptions _auth = new()
    {
        KeyRotationInterval = TimeSpan.FromDays(30),
        TokenLifetime = TimeSpan.FromHours(1),
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Current_beforeRotationInterval_staysTheSame()
    {
        var store = NewStore();
        var first = store.Current.KeyId;

        _clock.UtcNow = Start.AddDays(29);

        Assert.Equal(first, store.Current.KeyId);
        Assert.Single(store.Published);
    }

    [Fact]
    public void Current_afterRotationInterval_newKeySignsAndOldStillValidates()
    {
        var store = NewStore();
        var old = store.Current;

        _clock.UtcNow = Start.AddDays(30);
        var rotated = store.Current;

        Assert.NotEqual(old.KeyId, rotated.KeyId);
        Assert.Equal([rotated.KeyId, old.KeyId], store.Published.Select(k => k.KeyId));
        Assert.Contains(old.KeyId, store.GetValidationKeys().Select(k => k.KeyId));
    }

    [Fact]
    public void Published_oldKeyAfterLastTokenExpired_isDroppedAndDeleted()
    {
        var store = NewStore();
        var old = store.Current;
        _clock.UtcNow = Start.AddDays(30);
        var rotated = store.Current;

        _clock.UtcNow = Start.AddDays(30) + _auth.TokenLifetime + _auth.ClockSkew + TimeSpan.FromSeconds(1);
        var stillThere = NewStore().Published.Select(k => k.KeyId).ToList();

        Assert.Equal([rotated.KeyId], stillThere);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "identity-keys")));
        Assert.DoesNotContain(old.KeyId, NewStore().GetValidationKeys().Select(k => k.KeyId));
    }

    [Fact]
    public void Published_oldKeyWithinLastTokenLifetime_isKept()
    {
        var store = NewStore();
        var old = store.Current;
        _clock.UtcNow = Start.AddDays(30);
        _ = store.Current;

        _clock.UtcNow = Start.AddDays(30) + _auth.TokenLifetime;

        Assert.Contains(old.KeyId, NewStore().Published.Select(k => k.KeyId));
    }

    [Fact]
    public void Constructor_existingFolder_reloadsSameKey()
    {
        var first = NewStore().Current;

        var reloaded = NewStore().Current;

        Assert.Equal(first.KeyId, reloaded.KeyId);
        Assert.Equal(first.ExportPublicPem(), reloaded.ExportPublicPem());
    }

    private SigningKeyStore NewStore() => new(_auth, _folder, _clock, NullLogger<SigningKeyStore>.Instance);
}
