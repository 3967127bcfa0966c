using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Ordering.WaitingRooms;

/// <summary>What a queue token on an order request decides: the event it admits the buyer to, or why not.</summary>
internal readonly record struct AdmissionResult(Guid? AdmittedEventId, ProblemHttpResult? Problem);

internal static class Admission
{
    /// <summary>
    /// Checks the request's <see cref="QueueToken.Header"/>. No header admits to no waiting room (the
    /// hold then skips tickets of events whose room is open); a token of a closed room is not needed
    /// any more and is ignored. A token whose time has not come answers 429 with Retry-After.
    /// </summary>
    public static async Task<AdmissionResult> CheckAsync(
        HttpContext http, Guid userId, OrderingDbContext db, WaitingRoomSecrets secrets, DateTime now, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers[QueueToken.Header].ToString();
        if (header.Length == 0)
        {
            return default;
        }

        if (QueueToken.Parse(header) is not { } token)
        {
            return new(null, Problems.BadRequest($"The {QueueToken.Header} header is not a queue token; take it from POST /api/waiting-rooms/{{eventId}}."));
        }

        var secret = await secrets.GetAsync(db, token.EventId, cancellationToken);
        if (secret is null || !QueueToken.IsSignedBy(header, secret) || token.UserId != userId)
        {
            return new(null, Problems.Forbidden("The queue token is not valid for you: take your own place with POST /api/waiting-rooms/{eventId}."));
        }

        if (token.ClosesAt <= now)
        {
            return default;
        }

        if (token.AdmitAt > now)
        {
            var wait = token.AdmitAt - now;
            http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait);
            return new(null, TypedResults.Problem(
                $"You are in line for this sale; your turn comes in about {Problems.RetryAfterSeconds(wait)} s. Order again then with the same token.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Not your turn yet"));
        }

        return new(token.EventId, null);
    }
}
