using Ticketing.Contracts;

namespace Ticketing.Ordering.Tests.Messaging;

/// <summary>
/// A ticket generated and published in one go reaches Ordering as TicketCreated and TicketUpdated
/// back to back, and the consumer handles several messages at once: on PostgreSQL the two
/// transactions race. The fault suite found a seat left withdrawn for good this way.
/// </summary>
public sealed class TicketRaceTests
{
    [Fact]
    public async Task TicketEvents_createdAndUpdatedAppliedAtOnce_newestVersionWinsEveryTime()
    {
        await using var platform = new TestPlatform(TestProvider.PostgreSql);
        _ = platform.Services;
        var lost = new List<string>();

        for (var i = 0; i < 60; i++)
        {
            var created = OrderingKit.NewTicket(eventId: Guid.NewGuid(), tier: "Floor", seat: "A-1") with { Status = TicketStatuses.Withdrawn };
            var updated = OrderingKit.Updated(created, 2);
            await Task.WhenAll(
                Task.Run(() => platform.DeliverAsync(OrderingKit.Service, created)),
                Task.Run(() => platform.DeliverAsync(OrderingKit.Service, updated)));
            var replica = (await platform.ReplicaAsync(created.TicketId))!;
            if ((replica.Version, replica.Status) != (2, TicketStatuses.Available))
            {
                lost.Add($"round {i}: {replica.Status} v{replica.Version}");
            }
        }

        Assert.True(lost.Count == 0, string.Join("\n", lost));
    }
}
