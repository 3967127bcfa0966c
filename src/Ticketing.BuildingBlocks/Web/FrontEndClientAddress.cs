using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// The address of the browser behind the web front end. The front end calls the APIs from its own
/// address, so without this every web user would share one client address (and one rate-limit
/// bucket). It names the browser's address in <see cref="AddressHeader"/>, and the APIs believe it
/// only when <see cref="ProofHeader"/> carries the secret the front end and the API share:
/// <c>Ticketing:FrontEndSecret</c>, or, unset, a secret generated per process, which suffices in the
/// embedded topology where both run in one process.
/// </summary>
public sealed class FrontEndClientAddress
{
    public const string AddressHeader = "X-Ticketing-Client-Address";
    public const string ProofHeader = "X-Ticketing-Front-End-Secret";

    private readonly string _secret;
    private readonly byte[] _secretBytes;

    public FrontEndClientAddress(PlatformOptions platform)
    {
        _secret = platform.FrontEndSecret is { } configured
            ? configured
            : WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        _secretBytes = Encoding.UTF8.GetBytes(_secret);
    }

    /// <summary>The client's address: the front end's word for it when the request proves it comes from the front end, else the connection's.</summary>
    public IPAddress? Of(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers[ProofHeader] is [{ } proof]
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(proof), _secretBytes)
            && headers[AddressHeader] is [{ } named]
            && IPAddress.TryParse(named, out var address))
        {
            return address;
        }

        return context.Connection.RemoteIpAddress;
    }

    /// <summary>Adds the browser's address and the proof to a call the front end makes on its behalf.</summary>
    public void Stamp(HttpRequestMessage request, HttpContext? browser)
    {
        if (browser?.Connection.RemoteIpAddress is not { } address)
        {
            return;
        }

        request.Headers.TryAddWithoutValidation(AddressHeader, address.ToString());
        request.Headers.TryAddWithoutValidation(ProofHeader, _secret);
    }
}
