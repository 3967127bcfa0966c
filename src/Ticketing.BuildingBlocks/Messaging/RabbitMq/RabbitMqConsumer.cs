using System.Text;
using System.Threading.Channels;
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
/// <remarks>
/// Deliveries that arrived while a run was being handled are handled together in the next, in
/// one transaction (<see cref="MessagingOptions.HandlerBatchSize"/>, as the in-process transport
/// does), and acked with one multiple-ack once it committed; a run that fails together is handled
/// one message at a time with the dispatcher's retries. One message per transaction left a
/// distributed stampede's consumers tens of seconds behind, so most paid orders expired before
/// their payment reached Ordering (docs/benchmarks.md, 2026-12-06).
/// </remarks>
public sealed class RabbitMqConsumer(
    RabbitMqConnection connection,
    EventDispatcher dispatcher,
    IOptions<MessagingOptions> options,
    ILogger<RabbitMqConsumer> logger) : IHostedService
{
    private readonly List<(IChannel Channel, string Tag)> _consumers = [];
    private readonly List<Task> _loops = [];
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

            var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(deliveries.Writer, delivery);
            _loops.Add(Task.Run(() => ConsumeAsync(channel, service, deliveries.Reader)));
            var tag = await channel.BasicConsumeAsync(connection.QueueOf(service), autoAck: false, consumer, cancellationToken);
            _consumers.Add((channel, tag));
            logger.LogInformation("Consuming {Queue}", connection.QueueOf(service));
        }
    }

    /// <summary>Copies the message out of the client's buffer (valid only during this call) and queues it.</summary>
    private Task OnReceivedAsync(ChannelWriter<Delivery> deliveries, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        var envelope = Guid.TryParse(delivery.BasicProperties.MessageId, out var eventId) && delivery.BasicProperties.Type is { } eventType
            ? new MessageEnvelope(eventId, eventType, Encoding.UTF8.GetString(delivery.Body.Span),
                RabbitMqHeaders.OccurredAtOf(delivery.BasicProperties), RabbitMqHeaders.TraceContextOf(delivery.BasicProperties))
            : null;
        deliveries.TryWrite(new Delivery(delivery.DeliveryTag, envelope));
        return Task.CompletedTask;
    }

    /// <summary>The only code that acks on <paramref name="channel"/>, so a multiple-ack covers exactly the run it handled.</summary>
    private async Task ConsumeAsync(IChannel channel, string service, ChannelReader<Delivery> deliveries)
    {
        var run = new List<Delivery>();
        var runSize = Math.Max(1, options.Value.HandlerBatchSize);
        try
        {
            while (await deliveries.WaitToReadAsync(_abort.Token))
            {
                while (run.Count < runSize && deliveries.TryRead(out var delivery))
                {
                    run.Add(delivery);
                }

                try
                {
                    await HandleRunAsync(channel, service, run);
                }
                catch (Exception ex)
                {
                    // Shutdown or a broken channel: give the unsettled messages back for another consumer.
                    logger.LogWarning(ex, "Returning messages to {Service}'s queue", service);
                    if (channel.IsOpen)
                    {
                        await channel.BasicNackAsync(run[^1].Tag, multiple: true, requeue: true);
                    }
                }
                finally
                {
                    Interlocked.Add(ref _inFlight, -run.Count);
                    run.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Stopping: what is still queued is unacked and goes back to the queue with the channel.
        }
    }

    private async Task HandleRunAsync(IChannel channel, string service, List<Delivery> run)
    {
        foreach (var malformed in run.Where(d => d.Envelope is null))
        {
            // Settled first: the multiple-ack below must not acknowledge it.
            logger.LogError("Message without id or type on {Service}'s queue; dead-lettering it", service);
            Observability.MessagingMetrics.DeadLettered(service, "none");
            await channel.BasicNackAsync(malformed.Tag, multiple: false, requeue: false);
        }

        var valid = run.Where(d => d.Envelope is not null).ToList();
        if (valid.Count > 1 && await dispatcher.TryDispatchTogetherAsync(service, valid.Select(d => d.Envelope!).ToList(), _abort.Token))
        {
            await channel.BasicAckAsync(valid[^1].Tag, multiple: true);
            return;
        }

        foreach (var delivery in valid)
        {
            var outcome = await dispatcher.DispatchAsync(service, delivery.Envelope!, _abort.Token);
            if (outcome == DispatchOutcome.Handled)
            {
                await channel.BasicAckAsync(delivery.Tag, multiple: false);
            }
            else
            {
                await channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: false);
            }
        }
    }

    /// <summary>A delivery copied out of the client; no envelope when it lacked an id or a type.</summary>
    private sealed record Delivery(ulong Tag, MessageEnvelope? Envelope);

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
        await Task.WhenAll(_loops);
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
