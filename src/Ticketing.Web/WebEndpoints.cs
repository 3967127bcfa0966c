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
        web.MapPost("/signout", async (IdentityApi identity, HttpContext context) =>
        {
            await identity.SignOutAsync();
            context.Response.Cookies.Delete(AuthSetup.SessionCookie, new CookieOptions { Path = "/" });
            return Results.Redirect("/");
        });

        // One catalog read per poll (shared by every buyer of the event for a second), in the shape availability.js reads.
        web.MapGet("/events/{id:guid}/availability", async (Guid id, CatalogApi catalog) =>
        {
            var availability = await catalog.AvailabilityAsync(id);
            if (!availability.Ok)
            {
                return Results.StatusCode(availability.Status);
            }

            var tiers = availability.Value!.Tiers;
            return Results.Json(new
            {
                tiers = tiers.Select(t => new { t.Tier, t.Available, t.Capacity }),
                available = tiers.SelectMany(t => t.Seats).Select(s => s.Id),
            }, ApiClient.Json);
        });

        web.MapGet("/orders/{id:guid}/state", async (Guid id, OrderingApi ordering, PaymentsApi payments) =>
        {
            var order = await ordering.OrderAsync(id);
            if (!order.Ok)
            {
                return Results.StatusCode(order.Status);
            }

            var last = await payments.LatestForOrderAsync(id);
            return Results.Json(new { order.Value!.Status, ExpiresAt = Format.Iso(order.Value.ExpiresAt), Payment = last?.Status }, ApiClient.Json);
        });

        // Stripe Elements: the payment is created without a method; the browser confirms it with the client secret.
        web.MapPost("/orders/{id:guid}/stripe-intent", async (Guid id, PaymentsApi payments) =>
        {
            var payment = await payments.StartAsync(id);
            return payment.Ok
                ? Results.Json(new { payment.Value!.ClientSecret }, ApiClient.Json)
                : Results.Json(new { error = payment.Problem?.Message }, ApiClient.Json, statusCode: payment.Status);
        });

        web.MapGet("/passes/{id}/qr.svg", async (string id, PassesApi passes, HttpContext context, CancellationToken cancellationToken) =>
        {
            using var response = await passes.QrSvgAsync(id, cancellationToken);
            // The image admits its holder at the gate, so like the API's answer it must stay out of every cache.
            context.Response.Headers.CacheControl = "private, no-store";
            if (!response.IsSuccessStatusCode)
            {
                return Results.StatusCode((int)response.StatusCode);
            }

            var svg = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Results.Bytes(svg, "image/svg+xml");
        });
    }
}
