using Microsoft.AspNetCore.Http;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class NestedApiCallTests
{
    [Fact]
    public void IsNested_markStampedByThisProcess_isRecognised()
    {
        var nested = new NestedApiCall();
        using var call = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/orders/1");
        nested.Stamp(call);

        Assert.True(nested.IsNested(Arrived(call.Headers.GetValues(NestedApiCall.Header).Single())));
    }

    [Theory]
    [InlineData("guessed")]
    [InlineData("")]
    public void IsNested_forgedMark_isNotRecognised(string forged)
    {
        Assert.False(new NestedApiCall().IsNested(Arrived(forged)));
    }

    [Fact]
    public void IsNested_markOfAnotherProcess_isNotRecognised()
    {
        using var call = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/orders/1");
        new NestedApiCall().Stamp(call);

        Assert.False(new NestedApiCall().IsNested(Arrived(call.Headers.GetValues(NestedApiCall.Header).Single())));
    }

    private static DefaultHttpContext Arrived(string mark)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[NestedApiCall.Header] = mark;
        return context;
    }
}
