using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;

namespace Ticketing.Testing;

/// <summary>Delivers events into a service and reads what a service published, through the real messaging code.</summary>
public static class TestEvents
{
    /// <summary>
    /// Hands <paramref name="integrationEvent"/> to <paramref name="service"/>'s handlers through the
    /// same dispatcher the transports use (inbox, transaction, retries). Delivering the same
    /// instance twice is a redelivery: same event id.
    /// </summary>
    public static async Task DeliverAsync(this TestPlatform platform, string service, IntegrationEvent integrationEvent)
    {
        var dispatcher = platform.Services.GetRequiredService<EventDispatcher>();
        var outcome = await dispatcher.DispatchAsync(service, OutboxMessage.From(integrationEvent).ToEnvelope(), CancellationToken.None);
        if (outcome != DispatchOutcome.Handled)
        {
            throw new InvalidOperationException($"{service} dead-lettered {integrationEvent.GetType().Name} {integrationEvent.Id}; see the test log.");
        }
    }

    /// <summary>Events of type <typeparamref name="TEvent"/> in the outbox of <typeparamref name="TContext"/>, oldest first.</summary>
    public static Task<List<TEvent>> PublishedAsync<TContext, TEvent>(this TestPlatform platform)
        where TContext : ServiceDbContext
        where TEvent : IntegrationEvent =>
        platform.WithScopeAsync<TContext, List<TEvent>>(async db =>
        {
            var payloads = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.EventType == typeof(TEvent).Name)
                .OrderBy(m => m.Sequence)
                .Select(m => m.Payload)
                .ToListAsync();
            return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, MessageSerializer.Options)!).ToList();
        });
}
