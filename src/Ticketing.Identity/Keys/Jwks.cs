using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ticketing.Identity.Keys;

public sealed record JsonWebKeyDto(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y);

public sealed record JsonWebKeySetDto([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKeyDto> Keys);

/// <summary>The public halves of the signing key and of retired keys whose tokens may still be alive.</summary>
internal static class Jwks
{
    public const string Path = "/.well-known/jwks.json";

    public static Ok<JsonWebKeySetDto> Handle(SigningKeyStore keys, HttpContext context)
    {
        // Short caching: consumers pick up a rotation quickly, and refetch on an unknown kid anyway.
        context.Response.Headers.CacheControl = "public, max-age=300";
        var published = keys.Published
            .Select(k => k.ToJsonWebKey())
            .Select(j => new JsonWebKeyDto(j.Kty, j.Use, j.Alg, j.Kid, j.Crv, j.X, j.Y))
            .ToList();
        return TypedResults.Ok(new JsonWebKeySetDto(published));
    }
}
