using Ticketing.BuildingBlocks.Hosting;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.Server;

// `ticketing migrate` applies schema migrations for the selected services and exits;
// anything else starts the server.
var migrateOnly = args.Length > 0 && args[0] == "migrate";
// appsettings.json ships beside the binary; the data folder stays relative to where it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = migrateOnly ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
var modules = builder.AddTicketingPlatform(Modules.All());
var app = builder.Build();

if (migrateOnly)
{
    await DatabaseMigrator.MigrateAllAsync(app.Services);
    return 0;
}

app.UseTicketingPlatform();
if (PlatformOptions.From(app.Configuration).Bench.Hello)
{
    app.MapGet("/bench/hello", () => "Hello, World!").AllowAnonymous();
}

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Ticketing is running at {string.Join(", ", app.Urls)} with {string.Join(", ", modules.Select(m => m.Name))}"));
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
