using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Ordering.Orders;
using Ticketing.Ordering.Tickets;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering;

public sealed class OrderingModule : IServiceModule
{
    public const string ServiceName = "ordering";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OrderingDbContext, OrderingDbContext.OnSqlite, OrderingDbContext.OnPostgreSql>(ServiceName, OrderingDbContext.LegacyHead);
        builder.Services.AddOptions<OrderingOptions>()
            .BindConfiguration(OrderingOptions.Section)
            .Validate(o => o.HoldDuration > TimeSpan.Zero, "Ordering:HoldDuration must be positive.")
            .Validate(o => o.PaymentWindow >= TimeSpan.Zero, "Ordering:PaymentWindow must not be negative.")
            .Validate(o => o.MaxTicketsPerOrder > 0, "Ordering:MaxTicketsPerOrder must be at least 1.")
            .Validate(o => o.WaitingRoom.AdmitPerSecond is > 0 and <= 1_000_000, "Ordering:WaitingRoom:AdmitPerSecond must be positive.")
            .ValidateOnStart();

        builder.Services.AddEventHandler<TicketCreated, ApplyTicketEvents, OrderingDbContext>(ServiceName);
        builder.Services.AddEventHandler<TicketUpdated, ApplyTicketEvents, OrderingDbContext>(ServiceName);
        builder.Services.AddEventHandler<TicketsChanged, ApplyTicketEvents, OrderingDbContext>(ServiceName);
        builder.Services.AddEventHandler<EventCancelled, ApplyEventCancelled, OrderingDbContext>(ServiceName);
        builder.Services.AddEventHandler<EventPublished, ApplyEventPublished, OrderingDbContext>(ServiceName);
        builder.Services.AddSingleton<WaitingRoomSecrets>();
        builder.Services.AddSingleton<HoldBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HoldBatcher>());
        builder.Services.AddEventHandler<ExpirationComplete, ExpireOrder, OrderingDbContext>(ServiceName);
        builder.Services.AddEventHandler<PaymentSucceeded, CompleteOrder, OrderingDbContext>(ServiceName);
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Ordering.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/orders").RequireAuthorization().WithTags("Orders");
        orders.MapPost("/", CreateOrder.HandleAsync).WithName("CreateOrder");
        orders.MapGet("/", GetOrders.ListAsync).WithName("ListOrders");
        orders.MapGet("/{id:guid}", GetOrders.GetAsync).WithName("GetOrder");
        orders.MapDelete("/{id:guid}", CancelOrder.HandleAsync).WithName("CancelOrder");
        orders.MapPost("/{id:guid}/checkout", StartCheckout.HandleAsync).WithName("StartCheckout");

        // Joined in arrival order: the burst at a sale's start queues on the database, not on 503s.
        var rooms = endpoints.MapGroup("/api/waiting-rooms").RequireAuthorization().WithTags("Waiting rooms").ExemptFromApiConcurrencyLimit();
        rooms.MapPost("/{eventId:guid}", WaitingRoomEndpoints.JoinAsync).WithName("JoinWaitingRoom");
        rooms.MapGet("/{eventId:guid}", WaitingRoomEndpoints.GetAsync).WithName("GetQueuePlace");
    }
}
