using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// The <c>charset</c> of a request body, checked before any endpoint reads it. ASP.NET's JSON
/// reader hands the raw parameter to <see cref="Encoding.GetEncoding(string)"/> and throws (a 500)
/// on anything it cannot resolve, quotes included, so the answer is decided here instead.
/// </summary>
internal static class RequestCharset
{
    /// <summary>Code page of UTF-7, which .NET no longer decodes (and browsers never should).</summary>
    private const int Utf7CodePage = 65000;

    /// <summary>
    /// True when the body may be read. A quoted charset (legal per RFC 9110) is rewritten to its
    /// bare token, so the reader downstream sees a name it can resolve.
    /// </summary>
    public static bool Accept(HttpRequest request)
    {
        if (request.ContentType is not { Length: > 0 } contentType
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is not { } parameter)
        {
            return true;
        }

        var charset = HeaderUtilities.RemoveQuotes(parameter.Value).Trim();
        var supported = IsJson(mediaType) ? IsUtf8(charset) : IsDecodable(charset);
        if (supported && charset != parameter.Value)
        {
            parameter.Value = charset;
            request.ContentType = mediaType.ToString();
        }

        return supported;
    }

    // The same test as ASP.NET's HasJsonContentType, so every body its reader would take is covered.
    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    // JSON exchanged between systems must be UTF-8 (RFC 8259 section 8.1); transcoding anything else buys nothing.
    private static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static bool IsDecodable(StringSegment charset)
    {
        if (charset.Length == 0)
        {
            return false;
        }

        try
        {
            return Encoding.GetEncoding(charset.ToString()).CodePage != Utf7CodePage;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
