using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ticketing.Web;

/// <summary>
/// Serves the stylesheet and scripts embedded in this assembly under <c>/assets/</c>, so the
/// module needs no static-files setup in any topology.
/// </summary>
internal static class Assets
{
    private static readonly ConcurrentDictionary<string, (byte[] Body, string ETag)?> Cache = new();

    public static void MapAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assets/{*path}", (string path, HttpContext context) =>
        {
            var asset = Cache.GetOrAdd(path, Load);
            if (asset is not { } found)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ETag = found.ETag;
            if (context.Request.Headers.IfNoneMatch == found.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(found.Body, ContentType(path));
        }).ExcludeFromDescription();

    private static (byte[], string)? Load(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
