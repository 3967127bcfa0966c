using System.Net;

namespace Ticketing.Server.Tests;

public sealed class TopologyTests
{
    [Fact]
    public async Task Ready_embeddedDefault_returns200()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("6 database(s) reachable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_distributedOnPostgresAndRabbitMq_returns200()
    {
        await using var platform = new TestPlatform(TestProvider.PostgreSql, rabbitMq: true);
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rabbitmq", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("ordering")]
    [InlineData("expiration")]
    public async Task Ready_oneServicePerProcess_returns200(string service)
    {
        await using var platform = new TestPlatform(TestProvider.PostgreSql, rabbitMq: true, services: [service]);
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 database(s) reachable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Start_inProcessTransportWithSubsetOfServices_refusesToStart()
    {
        using var platform = new TestPlatform(services: ["catalog"]);

        var error = Assert.Throws<InvalidOperationException>(() => platform.CreateClient());

        Assert.Contains("Messaging:Transport", error.Message);
    }

    [Fact]
    public async Task OpenApi_document_isServed()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync());
    }
}
