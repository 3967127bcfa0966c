using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Security.Tests.Authorization;

/// <summary>The columns of the matrix, in the order they are tried: refusals first, so they run before anything changes.</summary>
internal enum Caller
{
    Anonymous,
    OtherUser,
    OtherStaff,
    Staff,
    Organizer,
    Owner,
}

/// <summary>Builds, for one matrix cell, the request a legitimate caller would send: real ids, a valid body.</summary>
internal static partial class MatrixRequests
{
    public static int Expected(EndpointAccess row, Caller caller) => caller switch
    {
        Caller.Anonymous => row.Anonymous,
        Caller.OtherUser => row.OtherUser,
        Caller.Owner => row.Owner,
        Caller.Organizer => row.Organizer,
        Caller.Staff => row.Staff,
        _ => row.OtherStaff,
    };

    public static TestUser? User(World world, Caller caller) => caller switch
    {
        Caller.Anonymous => null,
        Caller.OtherUser => world.Other,
        Caller.Owner => world.Buyer,
        Caller.Organizer => world.Organizer,
        Caller.Staff => world.Staff,
        _ => world.OtherStaff,
    };

    public static HttpRequestMessage Build(World world, MappedEndpoint endpoint, Caller caller, int cell)
    {
        var path = RouteParameter().Replace(endpoint.Route, m => Parameter(world, endpoint, m.Groups["name"].Value));
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (User(world, caller) is { } user)
        {
            // The APIs take the bearer token; the pages only know the browser's session cookie.
            if (endpoint.IsApi)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
            }
            else
            {
                request.Headers.Add("Cookie", $"ticketing_session={user.AccessToken}");
            }
        }

        if (Body(world, endpoint, cell) is { } body)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static string Parameter(World world, MappedEndpoint endpoint, string name)
    {
        var route = endpoint.Route;
        if (name == "userId")
        {
            return world.Staff.Id.ToString();
        }

        if (name == "documentName")
        {
            return "v1";
        }

        if (name.StartsWith('*'))
        {
            return "site.css";
        }

        Guid id = route switch
        {
            _ when route.StartsWith("/api/orders", StringComparison.Ordinal) && endpoint.Method == "DELETE" => world.UnpaidOrderId,
            _ when route.Contains("/stripe-intent", StringComparison.Ordinal) => world.UnpaidOrderId,
            _ when route.StartsWith("/api/orders", StringComparison.Ordinal) || route.StartsWith("/orders", StringComparison.Ordinal) => world.OrderId,
            _ when route.StartsWith("/api/payments", StringComparison.Ordinal) => world.PaymentId,
            _ when route.Contains("passes", StringComparison.Ordinal) => world.PassId,
            _ when route.Contains("notifications", StringComparison.Ordinal) => world.NotificationId,
            _ when route.Contains("tickets/{", StringComparison.OrdinalIgnoreCase) => world.FreeTickets[^1],
            _ => world.EventId,
        };
        return id.ToString();
    }

    private static object? Body(World world, MappedEndpoint endpoint, int cell)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(20);
        return (endpoint.Method, endpoint.Route) switch
        {
            ("POST", "/api/users/signup") => new { email = $"m-{Guid.NewGuid():N}@example.test", password = "matrix password" },
            ("POST", "/api/users/signin" or "/api/users/token") => new { email = world.Other.Email, password = world.Other.Password },
            ("POST", "/api/tickets") => new { title = "Standalone", price = 10m, currency = "EUR" },
            ("PUT", "/api/tickets/{id:guid}") => new { title = "Renamed seat", price = 12m },
            ("POST" or "PUT", "/api/events" or "/api/events/{id:guid}") => new
            {
                title = "Matrix night", description = "", venue = "Hall 2", startsAt = starts, endsAt = starts.AddHours(2), currency = "EUR",
            },
            ("POST", "/api/events/{id:guid}/tickets") => new { tier = $"Tier{cell}", price = 5m, section = "S", rows = new[] { "B" }, seatsPerRow = 2 },
            ("POST", "/api/events/{id:guid}/staff" or "/api/passes/{id:guid}/transfer") => new { email = world.Other.Email },
            ("POST", "/api/checkins") => new { code = world.PassCodes[cell % 2] },
            ("POST", "/api/orders") => new { ticketIds = new[] { world.FreeTickets[cell % (world.FreeTickets.Count - 1)] } },
            ("POST", "/api/payments") => new { orderId = world.UnpaidOrderId, paymentMethod = "pm_card_visa" },
            ("POST", "/api/payments/webhooks/stripe") => new { id = "evt_matrix", type = "payment_intent.succeeded" },
            _ => null,
        };
    }

    [GeneratedRegex(@"\{(?<name>\*?\w+)(:\w+)?\}")]
    private static partial Regex RouteParameter();
}
