using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Identity.Users;

namespace Ticketing.Identity.External;

/// <summary>
/// Under an external issuer nobody signs up here, so the first valid token of a user is what
/// makes them known: one row per (issuer, subject) and a <see cref="UserRegistered"/> through the
/// outbox, again when the token carries a new address. Transfers, staff invitations and e-mail
/// then work as for built-in accounts.
/// </summary>
internal sealed class ExternalUserRegistration(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExternalUserRegistration> logger)
    : IExternalUserRegistration
{
    private const int MaxRemembered = 100_000;

    // User id -> the address already recorded (or refused), so most requests cost no query.
    private readonly ConcurrentDictionary<Guid, string> _recorded = new();

    public async Task RecordAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.GetUserId() is not { } userId || principal.FindFirstValue("email") is not { Length: > 0 } claimed)
        {
            return;
        }

        // An address the issuer has not verified could claim someone else's transfers.
        if (string.Equals(principal.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var email = EmailAddress.Normalise(claimed);
        if (_recorded.TryGetValue(userId, out var known) && known == email)
        {
            return;
        }

        if (!EmailAddress.IsValid(email) || EmailAddress.Refusal(email) is not null)
        {
            logger.LogWarning("External user {UserId} not registered: the token's email is not an accepted address", userId);
            Remember(userId, email);
            return;
        }

        var issuer = principal.FindFirstValue("iss") ?? "";
        var subject = principal.FindFirstValue("sub") ?? "";
        try
        {
            await RecordAsync(userId, issuer, subject, email, cancellationToken);
            Remember(userId, email);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request goes on; the next one retries (nothing was remembered).
            logger.LogWarning(ex, "Could not record external user {UserId}; retried on their next request", userId);
        }
    }

    private async Task RecordAsync(Guid userId, string issuer, string subject, string email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var user = await db.ExternalUsers.SingleOrDefaultAsync(u => u.Issuer == issuer && u.Subject == subject, cancellationToken);
        if (user?.Email == email)
        {
            return;
        }

        if (user is null)
        {
            db.ExternalUsers.Add(new ExternalUser
            {
                UserId = userId, Issuer = issuer, Subject = subject, Email = email, CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            user.Email = email;
        }

        db.Publish(new UserRegistered(userId, email));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Either a concurrent request recorded the same user first (the outcome wanted), or
            // another subject of the issuer already has this address: the first one keeps it.
            logger.LogInformation("External user {UserId} already recorded, or its email belongs to another external user", userId);
        }
    }

    private void Remember(Guid userId, string email)
    {
        if (_recorded.Count >= MaxRemembered)
        {
            _recorded.Clear();
        }

        _recorded[userId] = email;
    }
}
