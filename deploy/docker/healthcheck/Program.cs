// Exit code 0 when the server answers 2xx on its liveness endpoint, 1 otherwise.
// Liveness, not readiness: Docker restarts nothing on an unhealthy status, but compose's
// depends_on would hold every dependant back during a short broker outage.
var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(',', ';')[0].Trim() is { Length: > 0 } p ? p : "8080";
var path = args.Length > 0 ? args[0] : "/health/live";
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
{
    Console.Error.WriteLine($"healthcheck: {ex.Message}");
    return 1;
}
