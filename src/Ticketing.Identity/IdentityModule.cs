using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Web;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Identity.External;
using Ticketing.Identity.Keys;
using Ticketing.Identity.RateLimiting;
using Ticketing.Identity.Tokens;
using Ticketing.Identity.Users;

namespace Ticketing.Identity;

public sealed class IdentityModule : IServiceModule
{
    public const string ServiceName = "identity";

    public string Name => ServiceName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext, IdentityDbContext.OnSqlite, IdentityDbContext.OnPostgreSql>(ServiceName, IdentityDbContext.LegacyHead);
        var services = builder.Services;
        services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.Section)
            .Validate(o => o.PasswordIterations >= 1_000, "Identity:PasswordIterations must be at least 1000.")
            .Validate(o => o.Lockout.MaxFailedAttempts > 0, "Identity:Lockout:MaxFailedAttempts must be at least 1.")
            .Validate(o => o.Lockout.Duration > TimeSpan.Zero, "Identity:Lockout:Duration must be positive.")
            .Validate(o => o.RateLimit.PerIpPermitLimit > 0 && o.RateLimit.PerAccountPermitLimit > 0, "Identity:RateLimit permit limits must be at least 1.")
            .Validate(o => o.RateLimit.Window > TimeSpan.Zero, "Identity:RateLimit:Window must be positive.")
            .ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<IdentityOptions>>((hasher, identity) =>
            hasher.IterationCount = identity.Value.PasswordIterations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<DummyHash>();
        services.AddScoped<PasswordCheck>();
        services.AddIdentityRateLimits();

        var dataDirectory = PlatformOptions.From(builder.Configuration).DataDirectory;
        services.AddSingleton(sp => new SigningKeyStore(
            sp.GetRequiredService<AuthOptions>(), dataDirectory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SigningKeyStore>>()));
        // Loads (or generates) the keys at start-up, so a bad PEM stops the process at once.
        services.AddHostedService(sp => new KeyStoreWarmUp(sp.GetRequiredService<SigningKeyStore>()));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SessionCookie>();
        if (AuthOptions.From(builder.Configuration).UsesExternalIssuer)
        {
            services.AddSingleton<IExternalUserRegistration, ExternalUserRegistration>();
        }
        else
        {
            // Validation in this process reads the key store directly: no HTTP call to itself.
            services.AddSingleton<ITokenValidationKeys>(sp => sp.GetRequiredService<SigningKeyStore>());
            services.AddSingleton<ISessionRenewal, SessionRenewal>();
        }
    }

    public IReadOnlyList<EndpointAccess> AuthorizationMatrix => Ticketing.Identity.AuthorizationMatrix.Rows;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users").WithTags("Users");
        users.MapGet("/currentuser", CurrentUser.Handle).WithName("CurrentUser");
        users.MapPost("/signout", SignOut.Handle).WithName("SignOut");

        var auth = endpoints.ServiceProvider.GetRequiredService<AuthOptions>();
        if (auth.UsesExternalIssuer)
        {
            // Accounts, passwords and keys then belong to the external issuer.
            return;
        }

        var credentials = users.MapGroup("").RequireRateLimiting(IdentityRateLimits.PerIpPolicy);
        credentials.MapPost("/signup", SignUp.HandleAsync).WithName("SignUp");
        credentials.MapPost("/signin", SignIn.HandleAsync).WithName("SignIn");
        credentials.MapPost("/token", IssueToken.HandleAsync).WithName("IssueToken");
        endpoints.MapGet("/.well-known/openid-configuration", Discovery.Handle).WithName("OpenIdConfiguration").WithTags("Keys");
        endpoints.MapGet(Jwks.Path, Jwks.Handle).WithName("Jwks").WithTags("Keys");
    }
}

internal sealed class KeyStoreWarmUp(SigningKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
