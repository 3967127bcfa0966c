using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;

namespace Ticketing.BuildingBlocks.Messaging;

/// <summary>
/// Handles one integration event for one service. It runs inside a transaction on the
/// service's DbContext together with the inbox row, so its changes and the record that it
/// ran commit together: a redelivered event is skipped, and a failure leaves no trace.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>One (service, event type, handler) binding; the transport routes by it.</summary>
public sealed class EventSubscription
{
    private EventSubscription(string service, Type eventType, Type handlerType, Type contextType, Func<IServiceProvider, string, CancellationToken, Task> invoke)
    {
        Service = service;
        EventType = eventType;
        HandlerType = handlerType;
        ContextType = contextType;
        Invoke = invoke;
    }

    public string Service { get; }

    public Type EventType { get; }

    public string EventTypeName => EventType.Name;

    public Type HandlerType { get; }

    /// <summary>Stable name stored in the inbox; renaming a handler class makes it see old events as new.</summary>
    public string HandlerName => HandlerType.Name;

    /// <summary>Name of the span a run of this handler records; built once, and only when traced.</summary>
    internal string SpanName => _spanName ??= $"process {EventTypeName} {HandlerName}";

    private string? _spanName;

    public Type ContextType { get; }

    /// <summary>Deserializes the payload and calls the handler resolved from the given scope.</summary>
    internal Func<IServiceProvider, string, CancellationToken, Task> Invoke { get; }

    internal static EventSubscription Create<TEvent, THandler, TContext>(string service)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : ServiceDbContext =>
        new(service, typeof(TEvent), typeof(THandler), typeof(TContext), (scope, payload, cancellationToken) =>
        {
            var integrationEvent = JsonSerializer.Deserialize<TEvent>(payload, MessageSerializer.Options)
                ?? throw new JsonException($"Empty {typeof(TEvent).Name} payload");
            return scope.GetRequiredService<THandler>().HandleAsync(integrationEvent, cancellationToken);
        });
}

public static class EventHandlerRegistration
{
    /// <summary>Subscribes <paramref name="service"/> to <typeparamref name="TEvent"/>, handled in its own database.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler, TContext>(this IServiceCollection services, string service)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : ServiceDbContext
    {
        services.AddScoped<THandler>();
        services.AddSingleton(EventSubscription.Create<TEvent, THandler, TContext>(service));
        return services;
    }
}
