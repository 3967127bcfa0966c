using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticketing.BuildingBlocks.Auth;

public static class AuthSetup
{
    /// <summary>Cookie name of the browser session; its value is the same JWT API clients send as a bearer token.</summary>
    public const string SessionCookie = "ticketing_session";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Token) && context.Request.Cookies.TryGetValue(SessionCookie, out var cookie))
                    {
                        context.Token = cookie;
                    }

                    return Task.CompletedTask;
                },
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
