using System.Diagnostics;
using System.Net;

namespace Ticketing.Bench;

/// <summary>One buyer's stay in the waiting room, in seconds since the sale opened.</summary>
internal sealed record LinePlace(int Position, double JoinedAt, double AdmittedAt)
{
    public double TimeInLineMs => (AdmittedAt - JoinedAt) * 1000;
}

/// <summary>The buyer's turn to order: with its place's token, or without one when no room is open.</summary>
internal sealed record Turn(string? QueueToken);

/// <summary>
/// The waiting room as a buyer's browser goes through it: take a place, wait for the turn the
/// platform gave it, then order with the place's token (a 429 on the order is waited out there).
/// </summary>
internal static class WaitingLine
{
    // A fresh estimate at most this often: thousands of buyers polling would be load the sale itself does not have.
    private static readonly TimeSpan PollFloor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(2);

    /// <summary>The buyer's turn, or null when it could not take a place and gives up.</summary>
    public static async Task<Turn?> WaitForTurnAsync(Api api, Sale sale, Buyer buyer, StampedeResult result, Stopwatch clock, Random random)
    {
        var path = $"api/waiting-rooms/{sale.EventId}";
        var busyDeadline = DateTime.UtcNow.AddSeconds(60);
        QueuePlaceDto place;
        while (true)
        {
            using var response = await api.SendAsync(HttpMethod.Post, path, buyer.Token);
            result.Count($"POST /api/waiting-rooms {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                place = await api.ReadAsync<QueuePlaceDto>(response);
                break;
            }

            if (!await Stampede.WaitIfBusyAsync(response, busyDeadline, random))
            {
                // 404: no room is open (any more), and the API says to order directly then.
                return response.StatusCode == HttpStatusCode.NotFound ? new Turn(null) : null;
            }
        }

        var joinedAt = clock.Elapsed;
        Interlocked.Increment(ref result.InLine);
        try
        {
            var due = joinedAt + UntilTurn(place);
            while (!place.Admitted)
            {
                var remaining = due - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                // Halving the nap asks again a few times on a long wait, more often as the turn nears.
                var lastNap = remaining <= PollFloor;
                await Task.Delay(lastNap ? remaining : Max(PollFloor, remaining / 2));
                if (lastNap)
                {
                    break;
                }

                using var response = await api.SendAsync(HttpMethod.Get, path, buyer.Token);
                result.Count($"GET /api/waiting-rooms {(int)response.StatusCode}");
                // A failed refresh keeps the schedule it had: the order's 429 corrects a wrong one.
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    place = await api.ReadAsync<QueuePlaceDto>(response);
                    due = clock.Elapsed + UntilTurn(place);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref result.InLine);
        }

        result.Line.Add(new LinePlace(place.Position, joinedAt.TotalSeconds, clock.Elapsed.TotalSeconds));
        return new Turn(place.Token);
    }

    /// <summary>
    /// admitAt is exact but on the server's clock; the estimate is whole seconds but needs no
    /// shared clock. The bench normally runs beside the platform, so admitAt wins unless the two
    /// disagree (a remote server whose clock is off).
    /// </summary>
    private static TimeSpan UntilTurn(QueuePlaceDto place)
    {
        var admitAt = place.AdmitAt.Kind == DateTimeKind.Local ? place.AdmitAt.ToUniversalTime() : place.AdmitAt;
        var byClock = admitAt - DateTime.UtcNow;
        var byEstimate = TimeSpan.FromSeconds(place.EstimatedWaitSeconds);
        return (byClock - byEstimate).Duration() <= Skew ? byClock : byEstimate;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
