using Microsoft.EntityFrameworkCore;
using Ticketing.Contracts;
using Ticketing.Ordering.Tests.Api;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering.Tests.Messaging;

[Collection(ApiCollection.Name)]
public sealed class WaitingRoomEventTests(ApiPlatform api)
{
    private readonly TestPlatform platform = api.Platform;

    [Fact]
    public async Task EventPublished_deliveredTwiceAndRepublished_opensOneRoomWithItsFirstSecret()
    {
        var eventId = Guid.NewGuid();
        var publishedAt = DateTimeOffset.UtcNow;
        var published = new EventPublished(eventId, 2, Guid.NewGuid(), publishedAt, 15);

        await platform.DeliverAsync(OrderingKit.Service, published);
        var first = await RoomsAsync(eventId);
        await platform.DeliverAsync(OrderingKit.Service, published);
        await platform.DeliverAsync(OrderingKit.Service, published with { Id = Guid.NewGuid(), WaitingRoomMinutes = 60 });

        var room = Assert.Single(first);
        Assert.Equal(publishedAt.UtcDateTime.AddMinutes(15), room.ClosesAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(20, room.AdmitPerSecond);
        var after = Assert.Single(await RoomsAsync(eventId));
        Assert.Equal(room.ClosesAt, after.ClosesAt);
        Assert.Equal(room.Secret, after.Secret);
    }

    [Fact]
    public async Task EventPublished_withoutWaitingRoom_opensNone()
    {
        var eventId = Guid.NewGuid();

        await platform.DeliverAsync(OrderingKit.Service, new EventPublished(eventId, 2, Guid.NewGuid(), DateTimeOffset.UtcNow, 0));

        Assert.Empty(await RoomsAsync(eventId));
    }

    private Task<List<WaitingRoom>> RoomsAsync(Guid eventId) =>
        platform.WithScopeAsync<OrderingDbContext, List<WaitingRoom>>(db => db.WaitingRooms.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync());
}
