using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Contracts;
using Ticketing.Payments.Orders;
using Ticketing.Payments.Payments;
using Ticketing.Payments.Providers;
using Ticketing.Payments.Webhooks;

namespace Ticketing.Payments;

public sealed class PaymentsModule : IServiceModule
{
    public const string ServiceName = "payments";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentsDbContext, PaymentsDbContext.OnSqlite, PaymentsDbContext.OnPostgreSql>(ServiceName, PaymentsDbContext.LegacyHead);
        var services = builder.Services;
        services.AddOptions<PaymentsOptions>()
            .BindConfiguration(PaymentsOptions.Section)
            .Validate(o => o.ActiveProvider is ProviderNames.Sandbox or ProviderNames.Stripe, "Payments:Provider must be Sandbox or Stripe.")
            .Validate(o => o.ActiveProvider != ProviderNames.Stripe
                    || (!string.IsNullOrWhiteSpace(o.Stripe.SecretKey) && !string.IsNullOrWhiteSpace(o.Stripe.WebhookSecret)),
                "Payments:Provider=Stripe needs Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret.")
            .Validate(o => Uri.TryCreate(o.Stripe.BaseUrl, UriKind.Absolute, out _), "Payments:Stripe:BaseUrl must be an absolute URL.")
            .Validate(o => o.WebhookTolerance > TimeSpan.Zero, "Payments:WebhookTolerance must be positive.")
            .Validate(o => o.Reconciliation.PendingAge > TimeSpan.Zero && o.Reconciliation.Interval > TimeSpan.Zero
                    && o.Reconciliation.BatchSize > 0,
                "Payments:Reconciliation:PendingAge, Interval and BatchSize must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.OrderingUrl) || Uri.TryCreate(o.OrderingUrl, UriKind.Absolute, out _),
                "Payments:OrderingUrl must be an absolute URL (or empty for this process's own address).")
            .Validate(o => o.OrderingTimeout > TimeSpan.Zero, "Payments:OrderingTimeout must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxSecret>();
        services.AddScoped<SandboxProvider>();
        StripeApi.AddHttpClient(services);
        services.AddSingleton<StripeApi>();
        services.AddScoped<StripeProvider>();
        services.AddHttpClient(nameof(OrderingCheckout));
        services.AddScoped<OrderingCheckout>();
        services.AddScoped<PaymentProviders>();
        services.AddScoped<PaymentRefunds>();
        services.AddScoped<WebhookProcessor>();
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<PendingPayments>();
        services.AddHostedService<PaymentReconciler>();

        services.AddEventHandler<OrderCreated, ApplyOrderCreated, PaymentsDbContext>(ServiceName);
        services.AddEventHandler<OrderCancelled, ApplyOrderCancelled, PaymentsDbContext>(ServiceName);
        services.AddEventHandler<OrderCompleted, ApplyOrderCompleted, PaymentsDbContext>(ServiceName);
        services.AddEventHandler<SandboxConfirmation, SandboxConfirmations, PaymentsDbContext>(ServiceName);
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Payments.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup("/api/payments").WithTags("Payments");
        var signedIn = payments.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/", CreatePayment.HandleAsync).WithName("CreatePayment");
        signedIn.MapGet("/", ListPayments.ListAsync).WithName("ListPayments");
        signedIn.MapGet("/{id:guid}", ListPayments.GetAsync).WithName("GetPayment");
        payments.MapGet("/config", ListPayments.Config).WithName("PaymentConfig");
        // Authenticated by its signature, not by a user; it must also stay reachable without cookies.
        payments.MapPost("/webhooks/stripe", StripeWebhook.HandleAsync).WithName("StripeWebhook").AllowAnonymous();
    }
}
