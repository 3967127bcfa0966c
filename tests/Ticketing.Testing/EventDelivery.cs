using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Testing;

/// <summary>Delivers an event to a service through the real consumer path (dispatcher, inbox, handler).</summary>
public static class EventDelivery
{
    public static Task<DispatchOutcome> DeliverAsync(this TestPlatform platform, string service, IntegrationEvent integrationEvent) =>
        platform.Services.GetRequiredService<EventDispatcher>()
            .DispatchAsync(service, OutboxMessage.From(integrationEvent).ToEnvelope(), CancellationToken.None);

    /// <summary>Polls <paramref name="condition"/> until it holds or the timeout passes; returns its last answer.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
