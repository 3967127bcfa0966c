using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ticketing.BuildingBlocks.Web;
using Xunit.Abstractions;

namespace Ticketing.Security.Tests.Fuzzing;

/// <summary>
/// Sends seeded hostile bodies to every state-changing API endpoint, anonymous and as real users
/// (bearer and cookie). Reproduce a run with TICKETING_FUZZ_SEED; TICKETING_FUZZ_REQUESTS runs more.
/// </summary>
// One heavy platform test at a time: side by side they starve two cores and their event waits time out.
[Collection(HeavyTests.Name)]
public sealed class JsonFuzzTests(ITestOutputHelper output)
{
    private const int Workers = 4;

    [Fact]
    public async Task Fuzz_everyJsonEndpoint_answers4xxNever5xxAndStaysUp()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TICKETING_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var total = int.TryParse(Environment.GetEnvironmentVariable("TICKETING_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        output.WriteLine($"Fuzz seed {seed} ({total} requests); reproduce with TICKETING_FUZZ_SEED={seed}");
        Console.WriteLine($"Fuzz seed {seed} ({total} requests); reproduce with TICKETING_FUZZ_SEED={seed}");
        await using var platform = new TestPlatform().With("Payments:Stripe:WebhookSecret", FuzzCase.WebhookSecret);
        var world = await World.CreateAsync(platform);
        var targets = MappedEndpoint.Of(platform).Where(e => e.IsApi && e.IsUnsafe)
            .Select(e => new FuzzTarget(e.Method, e.Route, e.RequestType)).ToList();
        Assert.Contains(targets, t => t.Route == "/api/orders" && t.RequestType is not null);
        var tokens = new Dictionary<string, string> { ["buyer"] = world.Buyer.AccessToken, ["organizer"] = world.Organizer.AccessToken };
        string[] callers = ["anonymous", "buyer", "organizer", "buyer-cookie"];
        Guid[] ids = [world.EventId, world.OtherEventId, world.OrderId, world.PaymentId, world.PassId, world.NotificationId, world.SoldTicket, world.FreeTickets[0], world.Staff.Id, world.Buyer.Id];
        string[] strings = [world.Other.Email, world.Staff.Email, world.PassCodes[0], world.Buyer.Email];
        using var client = platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(unchecked(seed * 31 + worker));
            var generator = new FuzzCaseGenerator(random, new JsonValues(random, ids, strings), RequestLimits.DefaultMaxRequestBodyBytes, callers);
            for (var i = worker; i < total; i += Workers)
            {
                var fuzz = generator.Next(targets[random.Next(targets.Count)]);
                using var request = fuzz.ToRequest(tokens);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                var problem = await Judge(fuzz, response);
                if (problem is not null && failures.Count < 50)
                {
                    failures.Enqueue($"#{i} {problem}: {fuzz.Describe()}");
                }
            }
        })));

        output.WriteLine($"{total} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: "
            + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(failures.IsEmpty, $"seed {seed}:\n" + string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // Still serving real work after the storm.
        Assert.NotNull(await platform.SignUpAsync());
    }

    private static async Task<string?> Judge(FuzzCase fuzz, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status} {await response.Content.ReadAsStringAsync()}";
        }

        if (fuzz.Kind == "oversized" && status != 413)
        {
            return $"oversized body answered {status}, not 413";
        }

        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} without problem details ({response.Content.Headers.ContentType})";
        }

        return null;
    }
}
