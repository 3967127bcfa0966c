namespace Ticketing.Catalog.Domain;

internal static class PassStates
{
    public const string Active = "active";
    public const string CheckedIn = "checked-in";
    public const string Revoked = "revoked";
}

/// <summary>
/// The holder's right to enter with one sold ticket. There is one pass per ticket for good (a unique
/// index on the ticket): a transfer re-issues it to the new holder with the next <see cref="Serial"/>
/// and a fresh <see cref="Code"/>, so only the newest code admits. Whether it was used lives in
/// <see cref="CheckIn"/>, where a unique key lets the database decide which of two scans came first.
/// </summary>
internal sealed class Pass
{
    public const int CodeMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TicketId { get; private set; }

    /// <summary>Null for a resale listing, which belongs to no event.</summary>
    public Guid? EventId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid HolderId { get; private set; }

    public int Serial { get; private set; } = 1;

    /// <summary>The signed QR payload of the current serial; stored so every rendering of it is the same image.</summary>
    public string Code { get; private set; } = "";

    public DateTime IssuedAt { get; private set; }

    /// <summary>Set when the event was cancelled; a revoked pass never admits again.</summary>
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Bumped by every transfer and check-in, so the two cannot both win against one pass.</summary>
    public int Version { get; private set; } = 1;

    public static Pass Issue(Ticket ticket, Guid orderId, Guid holderId, PassSigner signer, DateTime now)
    {
        var pass = new Pass
        {
            TicketId = ticket.Id,
            EventId = ticket.EventId,
            OrderId = orderId,
            HolderId = holderId,
            IssuedAt = now,
        };
        pass.Code = signer.Sign(pass.Payload);
        return pass;
    }

    public PassPayload Payload => new(TicketId, EventId ?? Guid.Empty, Serial);

    public string State(bool checkedIn) =>
        RevokedAt is not null ? PassStates.Revoked : checkedIn ? PassStates.CheckedIn : PassStates.Active;

    /// <summary>A pass of an event that was cancelled before (or while) it was sold.</summary>
    public void Revoke(DateTime now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            Version++;
        }
    }

    /// <summary>Returns why the transfer is refused, or null once the pass belongs to <paramref name="to"/> under a new code.</summary>
    /// <summary>Why the pass cannot change hands, or null when it can.</summary>
    public string? TransferRefusal(bool checkedIn) =>
        RevokedAt is not null ? "The pass is revoked."
        : checkedIn ? "The pass was already used to enter."
        : null;

    public string? TransferTo(Guid to, bool checkedIn, PassSigner signer)
    {
        if (TransferRefusal(checkedIn) is { } refusal)
        {
            return refusal;
        }

        HolderId = to;
        Serial++;
        Code = signer.Sign(Payload);
        Version++;
        return null;
    }
}

/// <summary>A pass's first (and only) admission; the primary key on the pass makes a second one impossible.</summary>
internal sealed class CheckIn
{
    public Guid PassId { get; init; }

    public Guid? EventId { get; init; }

    /// <summary>The serial that was scanned, and who held it then.</summary>
    public int Serial { get; init; }

    public Guid HolderId { get; init; }

    /// <summary>The organizer or staff member who scanned it.</summary>
    public Guid ScannedBy { get; init; }

    public DateTime CheckedInAt { get; init; }
}

/// <summary>A user the organizer allowed to check people in at one event.</summary>
internal sealed class StaffMember
{
    public Guid EventId { get; init; }

    public Guid UserId { get; init; }

    public DateTime AddedAt { get; init; }
}

/// <summary>Users known from Identity's UserRegistered, so a pass can be transferred and staff added by e-mail.</summary>
internal sealed class UserEntry
{
    public const int EmailMaxLength = 320;

    public Guid Id { get; set; }

    /// <summary>As Identity normalised it (trimmed, lower case).</summary>
    public string Email { get; set; } = "";
}
