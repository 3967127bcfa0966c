namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// One row of a module's authorization matrix: the status each kind of caller gets from an
/// endpoint (see docs/security.md). <see cref="Same"/> marks a caller that is the same person as
/// another column for this resource (the owner of an event is its organizer) and is not tried twice.
/// The security tests call every mapped endpoint as each caller and demand a row for each endpoint.
/// </summary>
/// <param name="Owner">The user the resource on the path belongs to (buyer of the order, holder of the pass).</param>
/// <param name="Organizer">The organizer of the event the resource belongs to.</param>
/// <param name="Staff">Gate staff of that event.</param>
/// <param name="OtherStaff">Gate staff of another organizer's event.</param>
public sealed record EndpointAccess(
    string Method, string Route, int Anonymous, int OtherUser, int Owner, int Organizer, int Staff, int OtherStaff)
{
    public const int Same = 0;
}
