using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Reliability.Tests;

/// <summary>
/// A steady buying load through the edge: each buyer orders one random seat, pays for most
/// orders (retrying with the same Idempotency-Key while the platform is unavailable) and
/// abandons the rest to expire. Everything it was told is recorded so the audit can check
/// that nothing the platform acknowledged was lost. Seeded: a run's choices are reproducible.
/// </summary>
internal sealed class BuyingLoad
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(15);
    private readonly List<HttpClient> _buyers;
    private readonly IReadOnlyList<Guid> _tickets;
    private readonly int _seed;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public BuyingLoad(List<HttpClient> buyers, IReadOnlyList<Guid> tickets, int seed)
    {
        _buyers = buyers;
        _tickets = tickets;
        _seed = seed;
    }

    /// <summary>Orders the edge answered 201 for.</summary>
    public ConcurrentBag<Guid> OrdersCreated { get; } = [];

    /// <summary>Orders whose payment the edge answered 201 for.</summary>
    public ConcurrentBag<Guid> PaymentsAccepted { get; } = [];

    public ConcurrentDictionary<int, int> StatusCounts { get; } = new();

    /// <summary>Answers that break the contract: 5xx other than 503, a 503 without Retry-After, a hang.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    public void Start()
    {
        for (var i = 0; i < _buyers.Count; i++)
        {
            var buyer = _buyers[i];
            var random = new Random(_seed * 101 + i);
            _running.Add(Task.Run(() => BuyLoopAsync(buyer, random)));
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
    }

    public string Summary() =>
        $"{OrdersCreated.Count} orders, {PaymentsAccepted.Count} payments accepted; statuses " +
        string.Join(", ", StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));

    private async Task BuyLoopAsync(HttpClient buyer, Random random)
    {
        while (!_stop.IsCancellationRequested)
        {
            var ticket = _tickets[random.Next(_tickets.Count)];
            var created = await SendAsync(() => buyer.PostAsJsonAsync("/api/orders", new { ticketIds = new[] { ticket } }));
            if (created?.StatusCode == HttpStatusCode.Created)
            {
                var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                OrdersCreated.Add(orderId);
                if (random.NextDouble() < 0.7)
                {
                    await PayAsync(buyer, orderId);
                }
            }
            else if (created?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable or null)
            {
                // Not replicated yet or unavailable: back off as a real client would, not spin.
                await Pause(TimeSpan.FromSeconds(1));
            }

            await Pause(TimeSpan.FromMilliseconds(random.Next(100, 300)));
        }
    }

    /// <summary>
    /// Pays like a careful client: the same Idempotency-Key while the outcome is unknown (503, no
    /// answer, "still in progress"), a new key only when the server said the payment was not made
    /// (404: Payments has not learned the order yet, and the key keeps that answer). A second key
    /// for one order is exactly the case where a double charge could slip in, which the audit checks.
    /// </summary>
    private async Task PayAsync(HttpClient buyer, Guid orderId)
    {
        var key = Guid.NewGuid().ToString("N");
        var inProgress = 0;
        // Keeps trying after the load stops: a buyer mid-payment finishes paying.
        var deadline = DateTime.UtcNow + FaultCluster.HoldDuration;
        while (DateTime.UtcNow < deadline)
        {
            var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments")
                {
                    Content = JsonContent.Create(new { orderId, paymentMethod = "pm_card_visa" }),
                };
                request.Headers.Add("Idempotency-Key", key);
                return buyer.SendAsync(request);
            });
            var body = response is null ? "" : await response.Content.ReadAsStringAsync();
            switch (response?.StatusCode)
            {
                case HttpStatusCode.Created:
                    PaymentsAccepted.Add(orderId);
                    return;
                case HttpStatusCode.NotFound:
                    key = Guid.NewGuid().ToString("N");
                    break;
                case HttpStatusCode.Conflict when body.Contains("in progress", StringComparison.Ordinal):
                    // A claim left behind by a request the database outage cut short.
                    if (++inProgress % 5 == 0)
                    {
                        key = Guid.NewGuid().ToString("N");
                    }

                    break;
                case HttpStatusCode.ServiceUnavailable or null:
                    break;
                default:
                    return;
            }

            await Task.Delay(500);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await send();
            StatusCounts.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            var status = (int)response.StatusCode;
            if (status >= 500 && status != 503)
            {
                Violations.Enqueue($"{response.RequestMessage?.RequestUri?.AbsolutePath}: {status} {await response.Content.ReadAsStringAsync()}");
            }
            else if (status == 503 && response.Headers.RetryAfter is null)
            {
                Violations.Enqueue($"{response.RequestMessage?.RequestUri?.AbsolutePath}: 503 without Retry-After");
            }

            if (clock.Elapsed > Hang)
            {
                Violations.Enqueue($"{response.RequestMessage?.RequestUri?.AbsolutePath}: answered after {clock.Elapsed.TotalSeconds:F0} s");
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            StatusCounts.AddOrUpdate(0, 1, (_, n) => n + 1);
            Violations.Enqueue($"no answer after {clock.Elapsed.TotalSeconds:F1} s: {ex.Message}");
            return null;
        }
    }

    private async Task Pause(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
