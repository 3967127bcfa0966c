using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;
using System.Security.Claims;
using System.Text;

namespace Ticketing.Catalog.Passes;

/// <summary>The pass's current code as a QR image. Medium error correction survives a scuffed phone screen or a creased print.</summary>
internal static class PassQr
{
    public const int PixelsPerModule = 8;

    public static byte[] Png(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string Svg(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PngAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var pass = await HeldPass.FindAsync(db, id, user, cancellationToken);
        if (pass is null)
        {
            return HeldPass.NotFound(id);
        }

        NoStore(context);
        return TypedResults.File(Png(pass.Code), "image/png");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SvgAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var pass = await HeldPass.FindAsync(db, id, user, cancellationToken);
        if (pass is null)
        {
            return HeldPass.NotFound(id);
        }

        NoStore(context);
        return TypedResults.File(Encoding.UTF8.GetBytes(Svg(pass.Code)), "image/svg+xml");
    }

    /// <summary>The image is a bearer credential and changes on transfer: no shared or stale caches.</summary>
    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "private, no-store";
}
