namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// One row of a module's authorization matrix: the status each kind of caller gets from an
/// endpoint (see docs/security.md). <see cref="Same"/> marks a caller that is the same person as
/// another column for this resource (the owner of an event is its organizer) and is not tried twice.
/// The security tests call every mapped endpoint as each caller and demand a row for each endpoint.
/// </summary>
/// <param name="Owner">
/// The buyer: owner of the order, payment, pass or notification on the path; on an event's routes,
/// a ticket holder of that event (the event itself belongs to its organizer).
/// </param>
/// <param name="Organizer">The organizer of the event the resource belongs to.</param>
/// <param name="Staff">Gate staff of that event.</param>
/// <param name="OtherStaff">Gate staff of another organizer's event.</param>
public sealed record EndpointAccess(
    string Method, string Route, int Anonymous, int OtherUser, int Owner, int Organizer, int Staff, int OtherStaff)
{
    public const int Same = 0;

    /// <summary>Endpoints the platform maps itself, outside any module.</summary>
    public static IReadOnlyList<EndpointAccess> Platform { get; } =
    [
        new("GET", "/health/live", 200, 200, Same, Same, Same, Same),
        new("GET", "/health/ready", 200, 200, Same, Same, Same, Same),
        new("GET", "/openapi/{documentName}.json", 200, 200, Same, Same, Same, Same),
    ];
}
