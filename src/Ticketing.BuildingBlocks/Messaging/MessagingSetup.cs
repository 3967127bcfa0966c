using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Messaging.RabbitMq;

namespace Ticketing.BuildingBlocks.Messaging;

public static class MessagingSetup
{
    /// <summary>Outbox signal, dispatcher and the transport that <c>Messaging:Transport</c> names.</summary>
    public static IHostApplicationBuilder AddPlatformMessaging(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MessagingOptions.Section);
        builder.Services.Configure<MessagingOptions>(section);
        var transport = section.GetValue(nameof(MessagingOptions.Transport), TransportKind.InProcess);

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
