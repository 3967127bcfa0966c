using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Expiration.Timers;

namespace Ticketing.Expiration;

public sealed class ExpirationModule : IServiceModule
{
    public const string ServiceName = "expiration";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExpirationDbContext, ExpirationDbContext.OnSqlite, ExpirationDbContext.OnPostgreSql>(ServiceName, ExpirationDbContext.LegacyHead);
        builder.Services.AddOptions<ExpirationOptions>()
            .BindConfiguration(ExpirationOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Expiration:PollInterval must be positive.")
            .Validate(o => o.BatchSize > 0, "Expiration:BatchSize must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddEventHandler<OrderCreated, ScheduleExpiration, ExpirationDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCompleted, StopTimer, ExpirationDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderHoldExtended, ExtendTimer, ExpirationDbContext>(ServiceName);
        builder.Services.AddSingleton<TimerWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerWorker>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
