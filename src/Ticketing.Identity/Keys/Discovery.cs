using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.BuildingBlocks.Auth;

namespace Ticketing.Identity.Keys;

public sealed record DiscoveryDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethods,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypes,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> Claims);

/// <summary>
/// What other services need to validate tokens: the issuer name and where the keys are.
/// Links are built from the request, so a service reaches the JWKS by the same host it used here.
/// </summary>
internal static class Discovery
{
    public static Ok<DiscoveryDocument> Handle(HttpContext context, AuthOptions auth)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new DiscoveryDocument(
            auth.Issuer,
            origin + Jwks.Path,
            origin + "/api/users/token",
            [AuthSetup.BuiltInAlgorithm],
            ["none"],
            ["token"],
            ["public"],
            ["sub", "email", "iss", "aud", "exp", "iat", "nbf", "jti"]));
    }
}
