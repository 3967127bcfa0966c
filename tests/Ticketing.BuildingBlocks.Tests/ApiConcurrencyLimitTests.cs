using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class ApiConcurrencyLimitTests
{
    [Fact]
    public async Task Api_moreRequestsThanPermitsAndQueue_extraOneGets503WithRetryAfterAndPagesStillServed()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = Build(permits: "1", queue: "0", entered, release);
        await app.StartAsync();
        using var client = app.GetTestClient();

        var first = client.GetAsync("/api/slow");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var rejected = await client.GetAsync("/api/slow");
        using var page = await client.GetAsync("/page");
        release.SetResult();
        using var firstDone = await first;
        using var afterwards = await client.GetAsync("/api/slow");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.NotNull(rejected.Headers.RetryAfter);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstDone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Api_forgedNestedCallMark_isCountedAndRejectedWhenFull()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = Build(permits: "1", queue: "0", entered, release);
        await app.StartAsync();
        using var client = app.GetTestClient();

        var first = client.GetAsync("/api/slow");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/slow");
        forged.Headers.Add(NestedApiCall.Header, "guessed");
        using var rejected = await client.SendAsync(forged);
        release.SetResult();
        using var firstDone = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstDone.StatusCode);
    }

    [Fact]
    public async Task Api_exemptEndpointWhileFull_isServedWithoutAPermit()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = Build(permits: "1", queue: "0", entered, release);
        await app.StartAsync();
        using var client = app.GetTestClient();

        var first = client.GetAsync("/api/slow");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var exempt = await client.GetAsync("/api/line");
        using var limited = await client.GetAsync("/api/slow");
        release.SetResult();
        using var firstDone = await first;

        Assert.Equal(HttpStatusCode.OK, exempt.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstDone.StatusCode);
    }

    private static WebApplication Build(string? permits, string? queue, TaskCompletionSource entered, TaskCompletionSource release)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[ApiConcurrencyLimit.Setting] = permits;
        builder.Configuration[ApiConcurrencyLimit.QueueSetting] = queue;
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseApiConcurrencyLimit();
        app.MapGet("/api/slow", async () =>
        {
            entered.TrySetResult();
            await release.Task;
            return "done";
        });
        app.MapGet("/page", () => "page");
        app.MapGet("/api/line", () => "joined").ExemptFromApiConcurrencyLimit();
        return app;
    }
}
