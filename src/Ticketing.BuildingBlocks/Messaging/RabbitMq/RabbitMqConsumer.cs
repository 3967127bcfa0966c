using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ticketing.BuildingBlocks.Messaging.RabbitMq;

/// <summary>
/// Consumes each hosted service's queue with manual acks: a message is acked only after its
/// handlers committed, and rejected to the dead-letter queue after the dispatcher's retries.
/// On shutdown it stops taking new deliveries and waits for the ones in flight.
/// </summary>
public sealed class RabbitMqConsumer(
    RabbitMqConnection connection,
    EventDispatcher dispatcher,
    IOptions<MessagingOptions> options,
    ILogger<RabbitMqConsumer> logger) : IHostedService
{
    private readonly List<(IChannel Channel, string Tag)> _consumers = [];
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _stopLock = new();
    private Task? _stopping;
    private int _inFlight;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var amqp = await connection.GetAsync(cancellationToken);
        foreach (var service in dispatcher.ConsumingServices)
        {
            var channel = await amqp.CreateChannelAsync(cancellationToken: cancellationToken);
            await connection.DeclareServiceQueueAsync(channel, service, dispatcher.EventTypesOf(service), cancellationToken);
            await channel.BasicQosAsync(0, options.Value.RabbitMq.Prefetch, global: false, cancellationToken);

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, service, delivery);
            var tag = await channel.BasicConsumeAsync(connection.QueueOf(service), autoAck: false, consumer, cancellationToken);
            _consumers.Add((channel, tag));
            logger.LogInformation("Consuming {Queue}", connection.QueueOf(service));
        }
    }

    private async Task OnReceivedAsync(IChannel channel, string service, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (!Guid.TryParse(delivery.BasicProperties.MessageId, out var eventId) || delivery.BasicProperties.Type is not { } eventType)
            {
                logger.LogError("Message without id or type on {Service}'s queue; dead-lettering it", service);
                Observability.MessagingMetrics.DeadLettered(service, "none");
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
                return;
            }

            var envelope = new MessageEnvelope(eventId, eventType, Encoding.UTF8.GetString(delivery.Body.Span),
                RabbitMqHeaders.OccurredAtOf(delivery.BasicProperties), RabbitMqHeaders.TraceContextOf(delivery.BasicProperties));
            var outcome = await dispatcher.DispatchAsync(service, envelope, _abort.Token);
            if (outcome == DispatchOutcome.Handled)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            }
            else
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
            }
        }
        catch (Exception ex)
        {
            // Shutdown or a broken channel: give the message back for another consumer.
            logger.LogWarning(ex, "Returning a message to {Service}'s queue", service);
            if (channel.IsOpen)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>
    /// Idempotent: the host may stop its services twice, even concurrently (WebApplicationFactory
    /// does when Program's RunAsync returns while the factory is disposed); both calls share one stop.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var (channel, tag) in _consumers)
        {
            if (channel.IsOpen)
            {
                await channel.BasicCancelAsync(tag, cancellationToken: CancellationToken.None);
            }
        }

        // Drain: let handlers already running commit and ack before the channels close.
        while (Volatile.Read(ref _inFlight) > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        await _abort.CancelAsync();
        foreach (var (channel, _) in _consumers)
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync(CancellationToken.None);
            }

            channel.Dispose();
        }
    }
}
