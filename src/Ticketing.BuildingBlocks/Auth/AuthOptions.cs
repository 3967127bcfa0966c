using System.Net;
using Microsoft.Extensions.Configuration;

namespace Ticketing.BuildingBlocks.Auth;

/// <summary>The <c>Auth</c> configuration section, read by every process (see docs/api/identity.md).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> the built-in issuer writes and every service expects.</summary>
    public string Issuer { get; set; } = "ticketing";

    /// <summary>The <c>aud</c> every service expects (an external issuer must be told to add it).</summary>
    public string Audience { get; set; } = "ticketing";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An external OpenID Connect issuer (e.g. a Keycloak realm URL) that replaces the built-in one.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where a process without the identity module finds the built-in issuer's discovery document,
    /// e.g. <c>http://identity:8080/.well-known/openid-configuration</c>.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Null means: https required except for loopback and cluster-internal hosts.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Null means: Secure outside the Development environment.</summary>
    public bool? SecureCookie { get; set; }

    /// <summary>Distributed mode: PEM private keys of the built-in issuer; the first signs, all are published.</summary>
    public List<SigningKeyConfig> SigningKeys { get; set; } = [];

    /// <summary>Embedded mode: how often a new key is generated in the data folder.</summary>
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(30);

    public bool UsesExternalIssuer => !string.IsNullOrWhiteSpace(Authority);

    public static AuthOptions From(IConfiguration configuration)
    {
        var options = new AuthOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }

    /// <summary>
    /// Plain http is tolerated only where the traffic never leaves the machine or the cluster
    /// network (loopback, single-label service names, <c>*.svc</c> / <c>*.cluster.local</c>).
    /// </summary>
    public bool RequiresHttps(string address)
    {
        if (RequireHttpsMetadata is { } explicitValue)
        {
            return explicitValue;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return true;
        }

        var host = uri.Host;
        var internalHost = uri.IsLoopback
            || (IPAddress.TryParse(host, out _) is false && !host.Contains('.'))
            || host.EndsWith(".svc", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".cluster.local", StringComparison.OrdinalIgnoreCase);
        return !internalHost;
    }
}

public sealed class SigningKeyConfig
{
    /// <summary>Optional <c>kid</c>; defaults to the key's RFC 7638 thumbprint, equal on every replica.</summary>
    public string? KeyId { get; set; }

    public string? Pem { get; set; }

    /// <summary>A file holding the PEM, e.g. a mounted Kubernetes secret.</summary>
    public string? PemFile { get; set; }
}
