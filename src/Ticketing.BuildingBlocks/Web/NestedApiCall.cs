using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Marks an HTTP call that one module makes to another while serving an API request, so that the
/// process's concurrency limit does not count it twice. The mark is a secret made per process:
/// only a caller in the same process can present it, so a client cannot use it to skip the limit,
/// and a call between processes is counted like any other.
/// </summary>
public sealed class NestedApiCall
{
    public const string Header = "X-Ticketing-Nested-Call";

    private readonly string _token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public void Stamp(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(Header, _token);

    public bool IsNested(HttpContext context) =>
        context.Request.Headers[Header] is [{ } presented]
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(_token));
}
