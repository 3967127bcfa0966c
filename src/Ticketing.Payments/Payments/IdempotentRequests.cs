using Microsoft.EntityFrameworkCore;

namespace Ticketing.Payments.Payments;

internal enum ClaimOutcome
{
    /// <summary>First use of the key: do the work, then <see cref="IdempotentRequests.CompleteAsync"/>.</summary>
    Claimed,
    Replay,
    InProgress,
    DifferentRequest,
}

internal sealed record IdempotencyClaim(ClaimOutcome Outcome, IdempotencyRecord? Record = null);

/// <summary>Stores the first answer per (user, Idempotency-Key) so a retried request gets it again.</summary>
internal sealed class IdempotentRequests(PaymentsDbContext db, TimeProvider time)
{
    /// <summary>
    /// A claim still unanswered after this long belongs to a request whose process died mid-way
    /// (a live one is bounded by the provider's timeout, well under a minute). A retry may take it
    /// over, or the key would answer 409 forever. Should the dead request have charged after all,
    /// the takeover is a second attempt for the order, and only one success completes it: the
    /// other is refunded (ADR 0007).
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        // Look first: a plain retry then costs one read instead of an insert that does nothing.
        var existing = await FindAsync(userId, key, cancellationToken);
        if (existing is null)
        {
            // The primary key arbitrates between concurrent retries: only one inserts. ON CONFLICT
            // (SQLite and PostgreSQL alike) makes the loser's insert a no-op rather than a failed
            // command, which EF Core would log as an error although the race is expected.
            var createdAt = time.GetUtcNow().UtcDateTime;
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idempotency_records (user_id, "key", request_hash, created_at)
                VALUES ({userId}, {key}, {requestHash}, {createdAt})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (inserted == 1)
            {
                return new IdempotencyClaim(ClaimOutcome.Claimed);
            }

            existing = await FindAsync(userId, key, cancellationToken);
        }

        return existing switch
        {
            null => throw new InvalidOperationException("The idempotency record could not be stored."),
            _ when existing.RequestHash != requestHash => new IdempotencyClaim(ClaimOutcome.DifferentRequest),
            { StatusCode: null } when await TryTakeOverAsync(existing, cancellationToken) => new IdempotencyClaim(ClaimOutcome.Claimed),
            { StatusCode: null } => new IdempotencyClaim(ClaimOutcome.InProgress),
            _ => new IdempotencyClaim(ClaimOutcome.Replay, existing),
        };
    }

    private Task<IdempotencyRecord?> FindAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);

    private async Task<bool> TryTakeOverAsync(IdempotencyRecord abandoned, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (abandoned.CreatedAt > now - AbandonedAfter)
        {
            return false;
        }

        // Compare-and-set on the claim time: of several retries arriving together, one takes it over.
        var taken = await db.IdempotencyRecords
            .Where(r => r.UserId == abandoned.UserId && r.Key == abandoned.Key && r.StatusCode == null && r.CreatedAt == abandoned.CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), cancellationToken);
        return taken == 1;
    }

    public Task CompleteAsync(Guid userId, string key, int statusCode, string contentType, string body, CancellationToken cancellationToken) =>
        db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, statusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Body, body), cancellationToken);

    /// <summary>Forgets the key after a failure worth retrying (provider down), so the retry does the work.</summary>
    public Task ReleaseAsync(Guid userId, string key) =>
        db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.StatusCode == null)
            .ExecuteDeleteAsync(CancellationToken.None);
}
