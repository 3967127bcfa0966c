using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.Identity.Keys;

namespace Ticketing.Identity.Tokens;

internal sealed record IssuedToken(string Value, DateTime ExpiresAt, TimeSpan Lifetime);

/// <summary>Writes the access tokens the cookie and the bearer header carry (ES256, with <c>kid</c>).</summary>
internal sealed class TokenIssuer(SigningKeyStore keys, AuthOptions auth, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedToken Issue(Guid userId, string email)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + auth.TokenLifetime;
        var key = keys.Current;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, email),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(key.SecurityKey, AuthSetup.BuiltInAlgorithm),
        });
        return new IssuedToken(token, expires, auth.TokenLifetime);
    }
}
