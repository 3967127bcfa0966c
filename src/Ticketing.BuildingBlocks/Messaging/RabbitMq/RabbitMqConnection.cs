using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Ticketing.BuildingBlocks.Messaging.RabbitMq;

/// <summary>
/// One AMQP connection per process, opened on first use and recovered automatically by the
/// client after a broker restart. Names of the shared topology live here too.
/// </summary>
public sealed class RabbitMqConnection(IOptions<MessagingOptions> options, ILogger<RabbitMqConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    private RabbitMqOptions Settings => options.Value.RabbitMq;

    public string Exchange => $"{Settings.Prefix}.events";

    public string DeadLetterExchange => $"{Settings.Prefix}.dead-letter";

    public string QueueOf(string service) => $"{Settings.Prefix}.{service}";

    public string DeadLetterQueueOf(string service) => $"{Settings.Prefix}.{service}.dead-letter";

    public bool IsOpen => _connection?.IsOpen == true;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(Settings.Uri),
                    ClientProvidedName = $"ticketing-{Environment.ProcessId}",
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                    // One delivery at a time per channel: the consumer only copies each into its
                    // run queue, and the runs' multiple-acks need the deliveries in tag order. With
                    // 4, two deliveries could enter the queue swapped; a multiple-ack of the later
                    // one then acknowledged the earlier before it was handled, and its own ack
                    // closed the channel ("unknown delivery tag"), stopping the service's consumer.
                    ConsumerDispatchConcurrency = 1,
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
                logger.LogInformation("Connected to RabbitMQ at {Host}:{Port}", factory.HostName, factory.Port);
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Declares the exchanges shared by every service; idempotent.</summary>
    public async Task DeclareExchangesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
    }

    /// <summary>One durable quorum queue per consuming service, with its own dead-letter queue.</summary>
    public async Task DeclareServiceQueueAsync(IChannel channel, string service, IEnumerable<string> eventTypes, CancellationToken cancellationToken)
    {
        await DeclareExchangesAsync(channel, cancellationToken);
        var deadLetterQueue = DeadLetterQueueOf(service);
        await channel.QueueDeclareAsync(deadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(deadLetterQueue, DeadLetterExchange, service, cancellationToken: cancellationToken);

        var queue = QueueOf(service);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-dead-letter-routing-key"] = service,
            },
            cancellationToken: cancellationToken);
        foreach (var eventType in eventTypes)
        {
            await channel.QueueBindAsync(queue, Exchange, eventType, cancellationToken: cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }
    }
}
