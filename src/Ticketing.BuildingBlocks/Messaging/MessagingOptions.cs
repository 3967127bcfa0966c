namespace Ticketing.BuildingBlocks.Messaging;

public enum TransportKind
{
    InProcess,
    RabbitMq,
}

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public TransportKind Transport { get; set; } = TransportKind.InProcess;

    /// <summary>How often a relay looks for unpublished rows when nothing woke it (recovery after a crash).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>Events a service handles in one transaction: of one relay round (in-process), or of the deliveries waiting (RabbitMQ); 1: each alone.</summary>
    public int HandlerBatchSize { get; set; } = 32;

    /// <summary>Attempts per handler before the event is dead-lettered.</summary>
    public int HandlerAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled on every further attempt.</summary>
    public TimeSpan HandlerRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long published outbox rows are kept (history only; the relay never reads them again).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long inbox rows are kept; an event redelivered after this would be handled again.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Time between retention sweeps; zero turns them off.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    public string Uri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Prefix of the exchange and queue names, so several platforms (or test runs) can share a broker.</summary>
    public string Prefix { get; set; } = "ticketing";

    /// <summary>Unacknowledged messages a consumer holds at once.</summary>
    public ushort Prefetch { get; set; } = 32;
}
