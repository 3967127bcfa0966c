using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Request bodies larger than <c>Ticketing:MaxRequestBodyBytes</c> (default 256 KiB) are refused
/// with 413 problem details before any endpoint reads them, and JSON nested deeper than
/// <see cref="MaxJsonDepth"/> is a 400. Enforced here rather than by Kestrel alone so that every
/// host (Kestrel, a test server, a proxy that strips Content-Length) behaves the same.
/// </summary>
public static class RequestLimits
{
    public const int DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>No request of these APIs needs more; a deep document is only a way to burn CPU.</summary>
    public const int MaxJsonDepth = 32;

    public static IServiceCollection AddPlatformRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BodyLimit(PlatformOptions.From(configuration).MaxRequestBodyBytes));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = MaxJsonDepth);
        return services;
    }

    public static WebApplication UsePlatformRequestLimits(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<BodyLimit>();
        app.Use(async (context, next) =>
        {
            if (!await WithinLimitAsync(context, limit.Bytes))
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    $"Request bodies are limited to {limit.Bytes} bytes.");
            }
            else if (!RequestCharset.Accept(context.Request))
            {
                await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported charset",
                    "The Content-Type names a charset this server does not read; send UTF-8 (JSON bodies must be UTF-8).");
            }
            else
            {
                await next(context);
            }
        });
        return app;
    }

    private static async Task<bool> WithinLimitAsync(HttpContext context, long max)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            return length <= max;
        }

        if (!HasChunkedBody(request))
        {
            return true;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        // Without a length the only proof is reading: buffer up to the limit (small by design)
        // so endpoints never see a stream that fails half-way through binding.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return true;
    }

    private static bool HasChunkedBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0
        || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private sealed record BodyLimit(long Bytes);
}
