using System.Text;
using RabbitMQ.Client;
using Ticketing.BuildingBlocks.Observability;

namespace Ticketing.BuildingBlocks.Messaging.RabbitMq;

/// <summary>
/// Publishes to the topic exchange with the event type as routing key. Publisher confirms
/// make <see cref="PublishAsync"/> return only after the broker has stored the message; it is
/// mandatory, so an event no queue is bound for yet fails and the relay retries it later
/// instead of the broker dropping it.
/// </summary>
public sealed class RabbitMqTransport(RabbitMqConnection connection) : IMessageTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            MessageId = envelope.EventId.ToString(),
            Type = envelope.EventType,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(envelope.OccurredAt.ToUnixTimeSeconds()),
            Headers = Headers(envelope),
        };
        var body = Encoding.UTF8.GetBytes(envelope.Payload);

        // Channels are not safe for concurrent publishing; relays of one process share this one.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            await channel.BasicPublishAsync(connection.Exchange, envelope.EventType, mandatory: true, properties, body, cancellationToken);
        }
        catch
        {
            await ResetChannelAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The AMQP timestamp has whole seconds only, too coarse for consumer lag, so the exact time
    /// travels as a header too; the trace context goes as the W3C <c>traceparent</c> and <c>tracestate</c>.
    /// </summary>
    private static Dictionary<string, object?> Headers(MessageEnvelope envelope)
    {
        var headers = new Dictionary<string, object?>(3, StringComparer.Ordinal)
        {
            [RabbitMqHeaders.OccurredAt] = envelope.OccurredAt.ToUnixTimeMilliseconds(),
        };
        if (envelope.TraceContext is { } context)
        {
            var (traceParent, traceState) = TraceContext.Split(context);
            headers[RabbitMqHeaders.TraceParent] = traceParent;
            if (traceState is not null)
            {
                headers[RabbitMqHeaders.TraceState] = traceState;
            }
        }

        return headers;
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        var amqp = await connection.GetAsync(cancellationToken);
        _channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await connection.DeclareExchangesAsync(_channel, cancellationToken);
        return _channel;
    }

    private async Task ResetChannelAsync()
    {
        if (_channel is not null)
        {
            try
            {
                await _channel.CloseAsync();
            }
            catch (Exception)
            {
                // Already broken; a new one is opened on the next publish.
            }

            _channel.Dispose();
            _channel = null;
        }
    }

    public async ValueTask DisposeAsync() => await ResetChannelAsync();
}
