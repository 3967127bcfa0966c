using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.BuildingBlocks.Auth;

/// <summary>
/// Every process validates tokens locally. Where the keys come from is the only thing that
/// differs: an external issuer's discovery document (<c>Auth:Authority</c>), the built-in
/// issuer's discovery document in another process (<c>Auth:MetadataAddress</c>), or the
/// built-in issuer's key store in this very process.
/// </summary>
public static class AuthSetup
{
    /// <summary>Cookie name of the browser session; its value is the same JWT API clients send as a bearer token.</summary>
    public const string SessionCookie = "ticketing_session";

    public const string BuiltInAlgorithm = SecurityAlgorithms.EcdsaSha256;

    private const string FromCookie = "ticketing.token-from-cookie";

    private const string KeysUnavailable = "ticketing.token-keys-unavailable";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        var auth = AuthOptions.From(builder.Configuration);
        builder.Services.AddSingleton(auth);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((o, services) => Configure(o, auth, services));
        builder.Services.AddAuthorization();
        return builder;
    }

    private static void Configure(JwtBearerOptions o, AuthOptions auth, IServiceProvider services)
    {
        // Claims keep their JWT names (sub, email) whoever issued the token.
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = auth.UsesExternalIssuer ? null : auth.Issuer,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = auth.ClockSkew,
            // Pinned: "none" and HS256 signed with a published public key never pass.
            ValidAlgorithms = auth.UsesExternalIssuer
                ? [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256]
                : [BuiltInAlgorithm],
            NameClaimType = "email",
        };

        // MetadataAddress may also point an external issuer's discovery at an internal address.
        var discovery = !string.IsNullOrWhiteSpace(auth.MetadataAddress) ? auth.MetadataAddress
            : auth.UsesExternalIssuer ? $"{auth.Authority!.TrimEnd('/')}/.well-known/openid-configuration"
            : null;
        if (discovery is not null)
        {
            o.Authority = auth.UsesExternalIssuer ? auth.Authority : null;
            o.MetadataAddress = discovery;
            o.RequireHttpsMetadata = auth.RequiresHttps(discovery);
        }
        else if (services.GetService<ITokenValidationKeys>() is { } keys)
        {
            o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keys.GetValidationKeys();
        }
        else
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup)).LogWarning(
                "No token keys: set Auth:MetadataAddress (built-in issuer elsewhere) or Auth:Authority (external issuer); every token is rejected until then");
            o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [];
        }

        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (string.IsNullOrEmpty(context.Token) && string.IsNullOrEmpty(context.Request.Headers.Authorization)
                    && context.Request.Cookies.TryGetValue(SessionCookie, out var cookie) && cookie.Length > 0)
                {
                    context.Token = cookie;
                    context.HttpContext.Items[FromCookie] = true;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                // Every endpoint needs to know who is calling; a token without a subject (a bare
                // client-credentials token) is no sign-in here, so 401 rather than a 500 further in.
                if (context.Principal?.GetUserId() is null)
                {
                    context.Fail("The token has no subject.");
                    return;
                }

                if (context.HttpContext.Items.ContainsKey(FromCookie)
                    && context.HttpContext.RequestServices.GetService<ISessionRenewal>() is { } renewal)
                {
                    renewal.RenewIfDue(context.HttpContext, context.SecurityToken);
                }

                if (context.HttpContext.RequestServices.GetService<IExternalUserRegistration>() is { } registration)
                {
                    await registration.RecordAsync(context.Principal, context.HttpContext.RequestAborted);
                }
            },
            // A token cannot be checked while the issuer's keys are out of reach (Identity restarting
            // before this process ever fetched them): that is an outage to retry, not a bad token.
            OnAuthenticationFailed = async context =>
            {
                if (await KeysUnreachableAsync(context))
                {
                    context.HttpContext.Items[KeysUnavailable] = true;
                }
            },
            OnChallenge = async context =>
            {
                if (context.HttpContext.Items.ContainsKey(KeysUnavailable))
                {
                    context.HandleResponse();
                    await DependencyOutage.WriteAsync(context.HttpContext, "The keys to check the token cannot be fetched right now; try again shortly.");
                }
            },
        };
    }

    private static async Task<bool> KeysUnreachableAsync(AuthenticationFailedContext context)
    {
        if (DependencyOutage.IsOutage(context.Exception))
        {
            return true;
        }

        if (context.Options.ConfigurationManager is not { } configuration)
        {
            return false;
        }

        try
        {
            await configuration.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return false;
        }
        catch (Exception ex) when (DependencyOutage.IsOutage(ex))
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
