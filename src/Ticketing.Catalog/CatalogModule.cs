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
        builder.AddServiceDatabase<CatalogDbContext, CatalogDbContext.OnSqlite, CatalogDbContext.OnPostgreSql>(ServiceName, CatalogDbContext.LegacyHead);
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

        tickets.MapPost("/", CreateTicket.HandleAsync).RequireAuthorization().WithName("CreateTicket");
        tickets.MapGet("/", ListTickets.HandleAsync).WithName("ListTickets");
        tickets.MapGet("/{id:guid}", GetTicket.HandleAsync).WithName("GetTicket");
        tickets.MapPut("/{id:guid}", UpdateTicket.HandleAsync).RequireAuthorization().WithName("UpdateTicket");

        events.MapPost("/", CreateEvent.HandleAsync).RequireAuthorization().WithName("CreateEvent");
        events.MapGet("/", ListEvents.HandleAsync).WithName("ListEvents");
        events.MapGet("/{id:guid}", GetEvent.HandleAsync).WithName("GetEvent");
        events.MapGet("/{id:guid}/availability", EventAvailability.HandleAsync).WithName("EventAvailability");
        events.MapPut("/{id:guid}", UpdateEvent.HandleAsync).RequireAuthorization().WithName("UpdateEvent");
        events.MapPost("/{id:guid}/publish", EventLifecycle.PublishAsync).RequireAuthorization().WithName("PublishEvent");
        events.MapPost("/{id:guid}/cancel", EventLifecycle.CancelAsync).RequireAuthorization().WithName("CancelEvent");
        events.MapPost("/{id:guid}/tickets", GenerateTickets.HandleAsync).RequireAuthorization().WithName("GenerateTickets");
        events.MapPost("/{id:guid}/staff", EventStaff.AddAsync).RequireAuthorization().WithName("AddEventStaff");
        events.MapGet("/{id:guid}/staff", EventStaff.ListAsync).RequireAuthorization().WithName("ListEventStaff");
        events.MapDelete("/{id:guid}/staff/{userId:guid}", EventStaff.RemoveAsync).RequireAuthorization().WithName("RemoveEventStaff");
        events.MapGet("/{id:guid}/checkins/summary", CheckInSummary.HandleAsync).RequireAuthorization().WithName("CheckInSummary");
        events.MapGet("/{id:guid}/sales", SalesReport.HandleAsync).RequireAuthorization().WithName("EventSales");

        var passes = endpoints.MapGroup("/api/passes").WithTags("Passes");
        passes.MapGet("/keys", PassKeys.Handle).AllowAnonymous().WithName("PassKeys");
        passes.MapGet("/", ListPasses.ListAsync).RequireAuthorization().WithName("ListPasses");
        passes.MapGet("/{id:guid}", ListPasses.GetAsync).RequireAuthorization().WithName("GetPass");
        passes.MapGet("/{id:guid}/qr.png", PassQr.PngAsync).RequireAuthorization().WithName("GetPassQrPng");
        passes.MapGet("/{id:guid}/qr.svg", PassQr.SvgAsync).RequireAuthorization().WithName("GetPassQrSvg");
        passes.MapPost("/{id:guid}/transfer", TransferPass.HandleAsync).RequireAuthorization().WithName("TransferPass");

        var checkIns = endpoints.MapGroup("/api/checkins").WithTags("Check-ins");
        checkIns.MapPost("/", CheckInPass.HandleAsync).RequireAuthorization().WithName("CheckIn");
    }
}
