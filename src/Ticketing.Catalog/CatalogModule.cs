using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Catalog.CheckIns;
using Ticketing.Catalog.Events;
using Ticketing.Catalog.Orders;
using Ticketing.Catalog.Passes;
using Ticketing.Catalog.Tickets;
using Ticketing.Catalog.Users;
using Ticketing.Contracts;

namespace Ticketing.Catalog;

public sealed class CatalogModule : IServiceModule
{
    public const string ServiceName = "catalog";

    public const string BrowseCachePolicy = "catalog-browse";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>(ServiceName);
        builder.Services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.Section)
            .Validate(o => o.DefaultCurrency is { Length: 3 }, "Catalog:DefaultCurrency must be a three-letter ISO 4217 code.")
            .Validate(o => o.MaxTicketsPerCall > 0, "Catalog:MaxTicketsPerCall must be at least 1.")
            .Validate(o => o.TierFiguresMaxAge >= TimeSpan.Zero, "Catalog:TierFiguresMaxAge must not be negative.")
            .Validate(o => o.BrowseCacheDuration >= TimeSpan.Zero, "Catalog:BrowseCacheDuration must not be negative.")
            .Validate(o => o.EmailLookups.PermitLimit >= 0, "Catalog:EmailLookups:PermitLimit must not be negative.")
            .Validate(o => o.EmailLookups.Window > TimeSpan.Zero, "Catalog:EmailLookups:Window must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmailLookupLimiter>();
        builder.Services.AddSingleton<TierFigures>();
        builder.Services.AddSingleton<FreeSeats>();
        // The output cache's default policy serves only anonymous GETs answered 200, so an
        // organizer's draft or a signed-in view is never stored or served from it.
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<CatalogOptions>>((cache, catalog) =>
            cache.AddPolicy(BrowseCachePolicy, b => b.Expire(catalog.Value.BrowseCacheDuration)));
        builder.Services.AddEventHandler<OrderCreated, ReserveTickets, CatalogDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCancelled, ReleaseTickets, CatalogDbContext>(ServiceName);
        builder.Services.AddEventHandler<OrderCompleted, SellTickets, CatalogDbContext>(ServiceName);
        builder.Services.AddEventHandler<UserRegistered, RecordUser, CatalogDbContext>(ServiceName);
        builder.Services.AddSingleton(sp => PassSigningKey.Load(
            sp.GetRequiredService<IOptions<CatalogOptions>>().Value.PassSigningKey,
            sp.GetRequiredService<PlatformOptions>().DataDirectory,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PassSigningKey))));
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Catalog.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var tickets = endpoints.MapGroup("/api/tickets").WithTags("Tickets");
        var events = endpoints.MapGroup("/api/events").WithTags("Events");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<CatalogOptions>>().Value.BrowseCacheDuration > TimeSpan.Zero)
        {
            // Only the GET routes of these groups carry anything the policy would store.
            tickets.CacheOutput(BrowseCachePolicy);
            events.CacheOutput(BrowseCachePolicy);
        }

        tickets.MapCreateTicket();
        tickets.MapListTickets();
        tickets.MapGetTicket();
        tickets.MapUpdateTicket();

        events.MapCreateEvent();
        events.MapListEvents();
        events.MapGetEvent();
        events.MapEventAvailability();
        events.MapUpdateEvent();
        events.MapEventLifecycle();
        events.MapGenerateTickets();
        events.MapEventStaff();
        events.MapCheckInSummary();
        events.MapSalesReport();

        var passes = endpoints.MapGroup("/api/passes").WithTags("Passes");
        passes.MapPassKeys();
        passes.MapListPasses();
        passes.MapPassQr();
        passes.MapTransferPass();

        endpoints.MapGroup("/api/checkins").WithTags("Check-ins").MapCheckInPass();
    }
}
