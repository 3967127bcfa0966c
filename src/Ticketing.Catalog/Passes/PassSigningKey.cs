using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Passes;

/// <summary>The <c>Catalog:PassSigningKey</c> section: a P-256 private key as PEM text or a PEM file.</summary>
public sealed class PassSigningKeyOptions
{
    public string? Pem { get; set; }

    public string? PemFile { get; set; }

    /// <summary>
    /// Retired keys (PEM, public or private) whose codes still verify after a rotation, until the
    /// events they were issued for are over.
    /// </summary>
    public List<string> PreviousPems { get; set; } = [];
}

/// <summary>
/// Loads the key that signs pass codes. Distributed mode: the configured PEM, the same on every
/// replica. Embedded mode: generated into the data folder on first start and kept, because every
/// code issued so far must keep verifying until its event is over; it is never rotated on its own.
/// </summary>
internal static class PassSigningKey
{
    public const string FileName = "pass-signing-key.pem";

    public static PassSigner Load(PassSigningKeyOptions options, string dataDirectory, ILogger logger)
    {
        var pem = options.Pem is { Length: > 0 } inline ? inline
            : options.PemFile is { Length: > 0 } file ? File.ReadAllText(file)
            : FromFolder(Path.Combine(Path.GetFullPath(dataDirectory), "catalog-keys"), logger);
        var key = Import(pem, "Catalog:PassSigningKey");
        var previous = options.PreviousPems
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Import(p, "Catalog:PassSigningKey:PreviousPems"))
            .Select(k => new PassVerificationKey(k, Thumbprint(k.ExportParameters(includePrivateParameters: false))))
            .ToList();
        return new PassSigner(key, Thumbprint(key.ExportParameters(includePrivateParameters: false)), previous);
    }

    private static ECDsa Import(string pem, string setting)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting} must be an EC P-256 key in PEM form: {ex.Message}", ex);
        }

        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"{setting} must be an EC P-256 key (ES256); got a {key.KeySize}-bit key.");
        }

        return key;
    }

    /// <summary>The RFC 7638 JWK thumbprint: the same <c>kid</c> on every replica holding the key.</summary>
    public static string Thumbprint(ECParameters key)
    {
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url(key.Q.X!)}}","y":"{{Base64Url(key.Q.Y!)}}"}""";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static string FromFolder(string folder, ILogger logger)
    {
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(folder);
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, fresh.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Never overwrite: another process sharing the folder may have created (and used) one first.
            File.Move(temporary, path, overwrite: false);
            logger.LogInformation("Generated the pass signing key {Path}", path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
