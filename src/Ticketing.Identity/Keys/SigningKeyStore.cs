using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Keys;

/// <summary>
/// The built-in issuer's keys. Distributed mode: the PEMs in <c>Auth:SigningKeys</c> (first signs,
/// all are published; the operator rotates). Embedded mode: generated into the data folder and
/// rotated every <c>Auth:KeyRotationInterval</c>; a retired key keeps validating until the last
/// token it signed has expired.
/// </summary>
internal sealed class SigningKeyStore : ITokenValidationKeys
{
    private readonly AuthOptions _auth;
    private readonly string? _folder;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyStore> _logger;
    private readonly Lock _lock = new();
    private List<SigningKey> _keys;

    public SigningKeyStore(AuthOptions auth, string dataDirectory, TimeProvider time, ILogger<SigningKeyStore> logger)
    {
        _auth = auth;
        _time = time;
        _logger = logger;
        if (auth.SigningKeys.Count > 0)
        {
            _keys = auth.SigningKeys.Select(FromConfiguration).ToList();
            if (!_keys[0].HasPrivateKey)
            {
                throw new InvalidOperationException("Auth:SigningKeys:0 must be a private key: the first configured key signs.");
            }
        }
        else
        {
            _folder = Path.Combine(Path.GetFullPath(dataDirectory), "identity-keys");
            Directory.CreateDirectory(_folder);
            _keys = [];
            RotateIfDue();
        }
    }

    public SigningKey Current
    {
        get
        {
            RotateIfDue();
            return _keys[0];
        }
    }

    /// <summary>Newest first: the signing key, then retired keys whose tokens may still be alive.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            RotateIfDue();
            return _keys;
        }
    }

    public IReadOnlyList<SecurityKey> GetValidationKeys() => Published.Select(k => (SecurityKey)k.SecurityKey).ToList();

    private void RotateIfDue()
    {
        if (_folder is null)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (_keys.Count > 0 && now - _keys[0].CreatedAt < _auth.KeyRotationInterval)
        {
            return;
        }

        lock (_lock)
        {
            // Another replica sharing the folder may have rotated already.
            var keys = LoadFolder(_folder);
            if (keys.Count == 0 || now - keys[0].CreatedAt >= _auth.KeyRotationInterval)
            {
                var fresh = SigningKey.Generate(now);
                Save(_folder, fresh);
                keys.Insert(0, fresh);
                _logger.LogInformation("Generated signing key {KeyId}", fresh.KeyId);
            }

            _keys = Prune(_folder, keys, now);
        }
    }

    /// <summary>A key retired when its successor was created; its last token dies one lifetime later.</summary>
    private List<SigningKey> Prune(string folder, List<SigningKey> newestFirst, DateTime now)
    {
        var kept = new List<SigningKey> { newestFirst[0] };
        for (var i = 1; i < newestFirst.Count; i++)
        {
            var retiredAt = newestFirst[i - 1].CreatedAt;
            if (retiredAt + _auth.TokenLifetime + _auth.ClockSkew > now)
            {
                kept.Add(newestFirst[i]);
            }
            else
            {
                File.Delete(Path.Combine(folder, FileName(newestFirst[i])));
            }
        }

        return kept;
    }

    private SigningKey FromConfiguration(SigningKeyConfig config, int index)
    {
        var pem = config.Pem is { Length: > 0 } inline ? inline
            : config.PemFile is { Length: > 0 } file ? File.ReadAllText(file)
            : throw new InvalidOperationException($"Auth:SigningKeys:{index} needs Pem or PemFile.");
        return SigningKey.FromPem(pem, config.KeyId, _time.GetUtcNow().UtcDateTime);
    }

    private static List<SigningKey> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.pem")
            .Select(path => (Path: path, Parts: Path.GetFileNameWithoutExtension(path).Split('_', 2)))
            .Where(f => f.Parts.Length == 2)
            .Select(f => SigningKey.FromPem(
                File.ReadAllText(f.Path),
                f.Parts[1],
                DateTime.ParseExact(f.Parts[0], "yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)))
            .OrderByDescending(k => k.CreatedAt)
            .ToList();

    private static string FileName(SigningKey key) =>
        $"{key.CreatedAt.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture)}_{key.KeyId}.pem";

    private static void Save(string folder, SigningKey key)
    {
        var path = Path.Combine(folder, FileName(key));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, key.ExportPrivatePem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // A reader never sees a half-written key.
        File.Move(temporary, path);
    }
}
