using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.Web.Api;

/// <summary>The APIs' base address: <c>Web:ApiBaseUrl</c>, else this process's own address.</summary>
public sealed class ApiBaseAddress(IOptions<WebOptions> options, OwnAddress ownAddress)
{
    public Uri Get() => ownAddress.Or(options.Value.ApiBaseUrl);
}
