using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Passes;

internal sealed record PassKeyResponse(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y);

internal sealed record PassKeySetResponse([property: JsonPropertyName("keys")] IReadOnlyList<PassKeyResponse> Keys);

/// <summary>The public keys of pass codes (current first, then retired ones still accepted) as a JWK set, for gate apps that verify codes offline.</summary>
internal static class PassKeys
{
    public static Ok<PassKeySetResponse> Handle(PassSigner signer, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new PassKeySetResponse(signer.VerificationKeys.Select(k =>
        {
            var key = k.Key.ExportParameters(includePrivateParameters: false);
            return new PassKeyResponse("EC", "sig", "ES256", k.KeyId, "P-256", PassSigningKey.Base64Url(key.Q.X!), PassSigningKey.Base64Url(key.Q.Y!));
        }).ToList()));
    }
}
