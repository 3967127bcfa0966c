using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.Web.Api;

namespace Ticketing.Web;

/// <summary>Small non-page endpoints of the front end: sign-out, JSON for the page scripts, QR images.</summary>
internal static class WebEndpoints
{
    public static void MapWebEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var web = endpoints.MapGroup("").ExcludeFromDescription();

        // The session cookie is SameSite=Lax, so another site cannot make a browser post this.
        web.MapPost("/signout", async (ApiClient api, HttpContext context) =>
        {
            using var _ = await api.SendRawAsync(HttpMethod.Post, "/api/users/signout", null);
            context.Response.Cookies.Delete(AuthSetup.SessionCookie, new CookieOptions { Path = "/" });
            return Results.Redirect("/");
        });

        web.MapGet("/events/{id:guid}/availability", async (Guid id, ApiClient api) =>
        {
            var show = await api.GetAsync<EventDto>($"/api/events/{id}");
            if (!show.Ok)
            {
                return Results.StatusCode(show.Status);
            }

            var tickets = await SeatInventory.AvailableAsync(api, id);
            return Results.Json(new
            {
                tiers = show.Value!.Tiers.Select(t => new { t.Tier, t.Available, t.Capacity }),
                available = tickets.Select(t => t.Id),
            }, ApiClient.Json);
        });

        web.MapGet("/orders/{id:guid}/state", async (Guid id, ApiClient api) =>
        {
            var order = await api.GetAsync<OrderDto>($"/api/orders/{id}");
            if (!order.Ok)
            {
                return Results.StatusCode(order.Status);
            }

            var payments = await api.GetAsync<List<PaymentDto>>($"/api/payments?orderId={id}");
            var last = payments.Value?.LastOrDefault();
            return Results.Json(new { order.Value!.Status, ExpiresAt = Format.Iso(order.Value.ExpiresAt), Payment = last?.Status }, ApiClient.Json);
        });

        // Stripe Elements: the payment is created without a method; the browser confirms it with the client secret.
        web.MapPost("/orders/{id:guid}/stripe-intent", async (Guid id, ApiClient api) =>
        {
            var payment = await api.PostAsync<PaymentDto>("/api/payments", new { orderId = id });
            return payment.Ok
                ? Results.Json(new { payment.Value!.ClientSecret }, ApiClient.Json)
                : Results.Json(new { error = payment.Problem?.Message }, ApiClient.Json, statusCode: payment.Status);
        });

        web.MapGet("/passes/{id}/qr.svg", async (string id, ApiClient api, HttpContext context, CancellationToken ct) =>
        {
            using var response = await api.SendRawAsync(HttpMethod.Get, $"/api/passes/{Uri.EscapeDataString(id)}/qr.svg", null, ct);
            // The image admits its holder at the gate, so like the API's answer it must stay out of every cache.
            context.Response.Headers.CacheControl = "private, no-store";
            if (!response.IsSuccessStatusCode)
            {
                return Results.StatusCode((int)response.StatusCode);
            }

            var svg = await response.Content.ReadAsByteArrayAsync(ct);
            return Results.Bytes(svg, "image/svg+xml");
        });
    }
}

/// <summary>The tickets of an event still on sale, read page by page (the API caps a page at 200).</summary>
internal static class SeatInventory
{
    private const int PageSize = 200;
    private const int MaxPages = 25;

    public static async Task<List<TicketDto>> AvailableAsync(ApiClient api, Guid eventId)
    {
        var all = new List<TicketDto>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await api.GetAsync<List<TicketDto>>($"/api/tickets?eventId={eventId}&pageSize={PageSize}&page={page}");
            if (!result.Ok || result.Value is not { } tickets)
            {
                break;
            }

            all.AddRange(tickets);
            if (tickets.Count < PageSize)
            {
                break;
            }
        }

        return all;
    }
}
