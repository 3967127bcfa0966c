namespace Ticketing.Contracts;

/// <summary>
/// One admission pass as its holder's e-mail shows it. <c>Code</c> is the signed QR payload the gate
/// verifies; the descriptive fields let consumers print the pass without asking Catalog.
/// </summary>
public sealed record IssuedPass(Guid PassId, Guid TicketId, Guid? EventId, string Title, string? Seat, string? Tier, string Code);

/// <summary>
/// Catalog issued the passes of a completed order (in the same transaction that marked its tickets
/// sold). Published once per order, so it is what the order confirmation e-mail is sent from.
/// </summary>
public sealed record PassesIssued(Guid OrderId, Guid UserId, IReadOnlyList<IssuedPass> Passes) : IntegrationEvent;

/// <summary>
/// A pass moved to another user: <c>Pass</c> carries its new serial's code; the old code is
/// rejected from now on. <c>Serial</c> orders transfers of one pass.
/// </summary>
public sealed record PassTransferred(Guid FromUserId, Guid ToUserId, int Serial, IssuedPass Pass) : IntegrationEvent;
