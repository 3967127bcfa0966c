using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ticketing.Catalog.Domain;

namespace Ticketing.Catalog.Events;

/// <summary>
/// Buyers' view of an event's tier figures, counted from the ticket rows at most once per
/// <see cref="CatalogOptions.TierFiguresMaxAge"/> per event and shared by every view in between.
/// </summary>
/// <remarks>
/// Counting is a scan of every ticket row of the event (3-4 ms for 11,000 units); at a sale's
/// start every buyer views the event at once, so counting per view made browsing 0.6 % as fast as
/// the server's own hello. A figure a second old is what a busy box office shows anyway: holds are
/// decided by Ordering's database, never by this number. Counts are shared through
/// <see cref="SharedSnapshots{T}"/>. The organizer's own views bypass this and count live.
/// </remarks>
internal sealed class TierFigures(IServiceScopeFactory scopes, IOptions<CatalogOptions> options, TimeProvider clock)
{
    private readonly SharedSnapshots<List<TierResponse>> _snapshots = new(clock);

    /// <summary>The event with its tier figures: live for its organizer (or when the max age is zero), shared for everyone else.</summary>
    public async Task<EventResponse> ResponseAsync(CatalogDbContext db, Event show, Guid? viewer, CancellationToken cancellationToken) =>
        EventResponse.From(show, await TiersAsync(db, show, viewer, cancellationToken));

    /// <summary>The tier figures alone, under the same rule as <see cref="ResponseAsync"/>.</summary>
    public async Task<List<TierResponse>> TiersAsync(CatalogDbContext db, Event show, Guid? viewer, CancellationToken cancellationToken)
    {
        var maxAge = options.Value.TierFiguresMaxAge;
        if (maxAge <= TimeSpan.Zero || show.OrganizerId == viewer)
        {
            return (await Tiers.OfAsync(db, [show], cancellationToken))[show.Id];
        }

        return await _snapshots.GetAsync(show.Id, maxAge, () => CountAsync(show), cancellationToken);
    }

    private async Task<List<TierResponse>> CountAsync(Event show)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return (await Tiers.OfAsync(db, [show], CancellationToken.None))[show.Id];
    }
}
