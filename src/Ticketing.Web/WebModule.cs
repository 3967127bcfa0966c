using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Web.Api;
using Ticketing.Web.Components;

namespace Ticketing.Web;

/// <summary>
/// The browser front end: server-rendered Razor components over the services' HTTP APIs
/// (a backend-for-frontend). It never touches another service's database.
/// </summary>
public sealed class WebModule : IServiceModule
{
    public const string ServiceName = "web";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.Section)
            .Validate(o => o.AvailabilityRefreshSeconds > 0, "Web:AvailabilityRefreshSeconds must be at least 1.")
            .Validate(o => string.IsNullOrEmpty(o.ApiBaseUrl) || Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Web:ApiBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents();
        builder.Services.AddOptions<PaymentProviderSetting>().BindConfiguration(PaymentProviderSetting.Section);
        builder.Services.AddTransient<IStartupFilter, SecurityHeaders>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ApiBaseAddress>();
        // Shared with identity when both run in this process: one secret for both sides.
        builder.Services.TryAddSingleton<FrontEndClientAddress>();
        builder.Services.AddScoped<Session>();
        // Typed clients per service: they own every API path and body; pages only call their methods.
        builder.Services.AddScoped<IdentityApi>();
        builder.Services.AddScoped<CatalogApi>();
        builder.Services.AddScoped<OrderingApi>();
        builder.Services.AddScoped<PaymentsApi>();
        builder.Services.AddScoped<NotificationsApi>();
        builder.Services.AddScoped<PassesApi>();
        builder.Services.AddHttpClient<ApiClient>()
            // Cookies of one user must never be replayed for another: the token is forwarded explicitly.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Web.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAssets();
        endpoints.MapWebEndpoints();
        endpoints.MapRazorComponents<App>();
    }
}
