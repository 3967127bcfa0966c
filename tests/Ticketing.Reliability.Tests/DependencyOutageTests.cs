using System.Net;
using System.Net.Sockets;

namespace Ticketing.Reliability.Tests;

/// <summary>
/// In-memory counterpart of the database fault, quick enough for every CI run: a service whose
/// PostgreSQL does not answer says so with 503 + Retry-After, promptly, and readiness names it.
/// </summary>
public sealed class DependencyOutageTests
{
    [Fact]
    public async Task GetTickets_databaseUnreachable_returns503ProblemWithRetryAfterQuickly()
    {
        await using var platform = CatalogWithoutDatabase();
        using var client = platform.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.GetAsync($"/api/tickets?eventId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Ready_databaseUnreachable_returns503NamingTheDatabase()
    {
        await using var platform = CatalogWithoutDatabase();
        using var client = platform.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("unreachable: catalog", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetOrders_identityDownBeforeKeysWereFetched_returns503NotA401()
    {
        await using var platform = new TestPlatform(rabbitMq: true, services: ["ordering"])
            .With("Auth:MetadataAddress", $"http://127.0.0.1:{ClosedPort()}/.well-known/openid-configuration");
        using var client = platform.CreateClient();
        var header = Base64Url("""{"alg":"ES256","typ":"JWT","kid":"k1"}""");
        var claims = Base64Url($$"""{"sub":"{{Guid.NewGuid()}}","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""");
        client.DefaultRequestHeaders.Authorization = new("Bearer", $"{header}.{claims}.{Base64Url("signature")}");

        var response = await client.GetAsync("/api/orders");

        // The token may be perfectly valid: only the keys to check it are out of reach for now.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Catalog alone, on RabbitMQ, pointed at a PostgreSQL port nobody listens on.</summary>
    private static TestPlatform CatalogWithoutDatabase() =>
        new TestPlatform(rabbitMq: true, services: ["catalog"])
            .With("Ticketing:MigrateOnStartup", "false")
            .With("ConnectionStrings:catalog", $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Password=postgres;Database=catalog;Timeout=3");

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
