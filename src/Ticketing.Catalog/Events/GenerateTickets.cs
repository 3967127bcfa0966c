using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Data.Common;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Catalog.Domain;
using Ticketing.Catalog.Persistence;

namespace Ticketing.Catalog.Events;

/// <summary>Reserved seating (<c>rows</c> x <c>seatsPerRow</c>) or general admission (<c>quantity</c>) of one tier.</summary>
internal sealed record GenerateTicketsRequest(
    string? Tier, decimal? Price, string? Section = null, IReadOnlyList<string>? Rows = null, int? SeatsPerRow = null, int? Quantity = null);

internal sealed record GenerateTicketsResponse(Guid EventId, string Tier, int Created, int EventVersion);

internal static class GenerateTickets
{
    public const int SectionMaxLength = 50;
    public const int RowMaxLength = 10;

    /// <summary>
    /// Creates one ticket row per admission and, for a published event, the TicketsChanged events
    /// announcing them (a thousand tickets each), all in one transaction: either the whole block
    /// exists and will be announced, or none of it. A draft's tickets are withdrawn until the
    /// publish puts them on sale, and the publish announces them then with their full state, so
    /// they are not announced twice (a 100,000-unit tier was 100,000 replica rows written twice).
    /// </summary>
    public static async Task<Results<Created<GenerateTicketsResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, GenerateTicketsRequest request, ClaimsPrincipal user, CatalogDbContext db,
        IOptions<CatalogOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await OrganizerAccess.LoadAsync(db, id, user, cancellationToken);
        if (!lookup.Found)
        {
            return lookup.Problem;
        }

        var show = lookup.Value;

        var validation = new Validation();
        var plan = Check(validation, request, show.Currency, options.Value.MaxTicketsPerCall);
        if (plan is null)
        {
            return validation.ToProblem();
        }

        if (show.Status == EventStatuses.Cancelled)
        {
            return Problems.Conflict("The event is cancelled.");
        }

        if (plan.Seats is { } seats)
        {
            var taken = await db.Tickets.AsNoTracking()
                .Where(t => t.EventId == id && t.Seat != null && seats.Contains(t.Seat))
                .Select(t => t.Seat!).OrderBy(s => s).Take(10).ToListAsync(cancellationToken);
            if (taken.Count > 0)
            {
                return Problems.Conflict($"These seats already exist for this event: {string.Join(", ", taken)}.");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        show.RecordInventoryChange(now);
        var tickets = (plan.Seats ?? Enumerable.Repeat<string?>(null, plan.Count))
            .Select(seat => Ticket.CreateAdmission(show, plan.Tier, seat, plan.PriceMinor, now))
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The event row goes first: its version check makes a concurrent cancel or publish conflict.
            await db.SaveChangesAsync(cancellationToken);
            await BulkInsert.InsertAsync(db, tickets, cancellationToken);
            if (show.Status == EventStatuses.Published)
            {
                await BulkInsert.InsertAsync(db, InventoryEvents.Announce(tickets), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The event was changed at the same time (cancelled or published?); reload and try again.");
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The unique (event, seat) index caught a concurrent generation of the same seats.
            return Problems.Conflict("Some of these seats were created at the same time by another request.");
        }

        return TypedResults.Created($"/api/events/{id}", new GenerateTicketsResponse(id, plan.Tier, plan.Count, show.Version));
    }

    private sealed record Plan(string Tier, long PriceMinor, int Count, List<string?>? Seats);

    private static Plan? Check(Validation validation, GenerateTicketsRequest request, string currency, int cap)
    {
        var tier = validation.SingleLine(request.Tier, "tier", Ticket.LabelMaxLength);
        long? minor = request.Price is { } p ? Money.ToMinor(p, currency) : null;
        validation.Require(minor is not null, "price", Money.DescribePriceRule(currency));

        var seated = request.Rows is not null || request.SeatsPerRow is not null || request.Section is not null;
        var general = request.Quantity is not null;
        validation.Require(seated != general, "quantity", "Give either rows and seatsPerRow (reserved seating) or quantity (general admission).");
        if (!validation.IsValid)
        {
            return null;
        }

        if (general)
        {
            validation.Require(request.Quantity is >= 1 && request.Quantity <= cap, "quantity", $"The quantity must be between 1 and {cap}.");
            return validation.IsValid ? new Plan(tier, minor!.Value, request.Quantity!.Value, null) : null;
        }

        var rows = request.Rows?.Select(r => r?.Trim() ?? "").ToList() ?? [];
        validation.Require(rows.Count > 0, "rows", "The rows must list at least one row label.");
        validation.Require(rows.All(r => r.Length is > 0 and <= RowMaxLength), "rows", $"Each row label is 1 to {RowMaxLength} characters.");
        validation.Require(rows.All(r => r.Length == 0 || TextRules.Problem(r) is null), "rows", "Each row label must contain a visible character and no control characters or bidirectional controls.");
        validation.Require(rows.Distinct(StringComparer.Ordinal).Count() == rows.Count, "rows", "Row labels must be distinct.");
        validation.Require(request.SeatsPerRow is >= 1, "seatsPerRow", "Seats per row must be at least 1.");
        validation.SingleLine(request.Section, "section", SectionMaxLength, required: false);
        if (validation.IsValid)
        {
            var total = (long)rows.Count * request.SeatsPerRow!.Value;
            validation.Require(total <= cap, "seatsPerRow", $"Rows x seats per row is {total}; at most {cap} tickets are created per call.");
        }

        return validation.IsValid
            ? new Plan(tier, minor!.Value, rows.Count * request.SeatsPerRow!.Value, SeatPlan.Labels(request.Section, rows, request.SeatsPerRow.Value).ToList<string?>())
            : null;
    }
}
