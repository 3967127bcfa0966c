using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Xunit.Abstractions;

namespace Ticketing.Security.Tests.Authorization;

/// <summary>
/// Every mapped endpoint × every kind of caller, against the rows each module keeps beside its
/// endpoints (<c>AuthorizationMatrix.cs</c>). An endpoint without a row, or a row without an
/// endpoint, fails; so does any cell whose status differs from the row.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private static List<EndpointAccess> Rows() =>
        [.. EndpointAccess.Platform, .. Ticketing.Server.Modules.All().SelectMany(m => m.AuthorizationMatrix)];

    [Fact]
    public async Task Matrix_everyMappedEndpoint_hasExactlyOneRow()
    {
        await using var platform = new TestPlatform();
        using var client = platform.CreateClient();
        await client.GetAsync("/health/live");
        var mapped = MappedEndpoint.Of(platform).Select(e => Key(e.Method, e.Route)).ToHashSet();
        var rows = Rows().Select(r => Key(r.Method, r.Route)).ToList();

        Assert.Empty(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.True(mapped.SetEquals(rows),
            $"Endpoints without a row: {string.Join(", ", mapped.Except(rows))}\nRows without an endpoint: {string.Join(", ", rows.Except(mapped))}");
    }

    [Fact]
    public async Task Matrix_everyEndpointAndCaller_answersTheStatusOfItsRow()
    {
        await using var platform = new TestPlatform();
        platform.UseKestrel(0);
        platform.StartServer();
        var address = new Uri(platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        HttpClient NewClient() => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        var endpoints = MappedEndpoint.Of(platform).ToDictionary(e => Key(e.Method, e.Route));
        var rows = Rows();
        // Worlds are built concurrently: most of their cost is waiting for events between services.
        var needsOwn = rows.Where(r => Changes(endpoints[Key(r.Method, r.Route)])).ToList();
        var worlds = await Task.WhenAll(Enumerable.Range(0, needsOwn.Count + 1).Select(_ => World.CreateAsync(NewClient)));
        var shared = worlds[^1];
        var failures = new List<string>();
        var observed = new StringBuilder();
        using var client = NewClient();

        foreach (var row in rows)
        {
            var endpoint = endpoints[Key(row.Method, row.Route)];
            // A change an allowed caller makes (cancel, transfer, pay) would change what the next one sees.
            var own = needsOwn.IndexOf(row);
            var world = own >= 0 ? worlds[own] : shared;
            var statuses = new Dictionary<Caller, int>();
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => Allowed(MatrixRequests.Expected(row, c))))
            {
                var expected = MatrixRequests.Expected(row, caller);
                if (expected == EndpointAccess.Same)
                {
                    continue;
                }

                using var request = MatrixRequests.Build(world, endpoint, caller, (int)caller);
                using var response = await client.SendAsync(request);
                var actual = (int)response.StatusCode;
                statuses[caller] = actual;
                if (actual != expected)
                {
                    failures.Add($"{row.Method} {row.Route} as {caller}: expected {expected}, got {actual} {Snippet(await response.Content.ReadAsStringAsync())}");
                }
            }

            int Seen(Caller c) => statuses.TryGetValue(c, out var s) ? s : 0;
            observed.AppendLine($"new(\"{row.Method}\", \"{row.Route}\", {Seen(Caller.Anonymous)}, {Seen(Caller.OtherUser)}, {Seen(Caller.Owner)}, {Seen(Caller.Organizer)}, {Seen(Caller.Staff)}, {Seen(Caller.OtherStaff)}),");
        }

        output.WriteLine(observed.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Unsafe endpoints get a fresh world (an allowed cancel, transfer or payment would change what
    /// later rows see) unless listed here as only adding things or leaving the world as it was.
    /// </summary>
    private static readonly HashSet<string> SharesWorld =
    [
        "POST /api/users/signup", "POST /api/users/signin", "POST /api/users/token", "POST /api/users/signout", "POST /signout",
        "POST /api/tickets", "PUT /api/tickets/{id:guid}", "POST /api/events", "PUT /api/events/{id:guid}",
        "POST /api/events/{id:guid}/publish", "POST /api/events/{id:guid}/tickets", "POST /api/orders",
        "POST /api/notifications/{id:guid}/read", "POST /api/payments/webhooks/stripe", "POST /orders/{id:guid}/stripe-intent",
        "POST /api/waiting-rooms/{eventId:guid}",
    ];

    private static bool Changes(MappedEndpoint endpoint) =>
        endpoint.IsUnsafe && !endpoint.IsPage && !SharesWorld.Contains(Key(endpoint.Method, endpoint.Route));

    private static bool Allowed(int status) => status is >= 200 and < 400;

    private static string Key(string method, string route) => $"{method} {MappedEndpoint.Normalize(route)}";

    private static string Snippet(string body) => body.Length > 200 ? body[..200] : body;
}
