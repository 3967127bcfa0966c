using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Messaging.RabbitMq;

namespace Ticketing.BuildingBlocks.Messaging;

public static class MessagingSetup
{
    /// <summary>Outbox signal, dispatcher and the transport that <c>Messaging:Transport</c> names.</summary>
    public static IHostApplicationBuilder AddPlatformMessaging(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MessagingOptions.Section);
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .Validate(o => o.OutboxPollInterval > TimeSpan.Zero, "Messaging:OutboxPollInterval must be positive.")
            .Validate(o => o.OutboxBatchSize > 0 && o.HandlerBatchSize > 0, "Messaging:OutboxBatchSize and HandlerBatchSize must be at least 1.")
            .Validate(o => o.HandlerAttempts > 0, "Messaging:HandlerAttempts must be at least 1.")
            .Validate(o => o.HandlerRetryDelay >= TimeSpan.Zero, "Messaging:HandlerRetryDelay must not be negative.")
            .Validate(o => o.OutboxRetention > TimeSpan.Zero && o.InboxRetention > TimeSpan.Zero, "Messaging:OutboxRetention and InboxRetention must be positive.")
            .Validate(o => o.RetentionSweepInterval >= TimeSpan.Zero, "Messaging:RetentionSweepInterval must not be negative.")
            .Validate(o => o.RabbitMq.Prefetch > 0 && o.RabbitMq.Prefix.Length > 0, "Messaging:RabbitMq:Prefetch must be at least 1 and Prefix not empty.")
            .Validate(o => System.Uri.TryCreate(o.RabbitMq.Uri, UriKind.Absolute, out _), "Messaging:RabbitMq:Uri must be an absolute amqp:// URI.")
            .ValidateOnStart();
        var transport = section.GetValue(nameof(MessagingOptions.Transport), TransportKind.InProcess);

        // The dispatcher, relays and transport stamp times from it; a test may have put a clock in first.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<EventDispatcher>();
        if (transport == TransportKind.RabbitMq)
        {
            builder.Services.AddSingleton<RabbitMqConnection>();
            builder.Services.AddSingleton<IMessageTransport, RabbitMqTransport>();
            builder.Services.AddHostedService<RabbitMqConsumer>();
        }
        else
        {
            builder.Services.AddSingleton<IMessageTransport, InProcessTransport>();
        }

        return builder;
    }

    public static TransportKind TransportOf(IConfiguration configuration) =>
        configuration.GetSection(MessagingOptions.Section).GetValue(nameof(MessagingOptions.Transport), TransportKind.InProcess);
}
