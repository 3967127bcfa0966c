using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Persistence;
using Ticketing.BuildingBlocks.Web;
using Ticketing.Contracts;
using Ticketing.Ordering.Domain;
using Ticketing.Ordering.Tickets;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering.Orders;

/// <summary>
/// One of three shapes: <c>ticketId</c> (one ticket), <c>ticketIds</c> (a cart, all or
/// nothing) or <c>eventId</c> + <c>tier</c> + <c>quantity</c> (any free general-admission units).
/// </summary>
internal sealed record CreateOrderRequest(Guid? TicketId, Guid[]? TicketIds, Guid? EventId, string? Tier, int? Quantity)
{
    public bool IsGeneralAdmission => EventId is not null || Tier is not null || Quantity is not null;

    public Validation Validate(int maxTickets)
    {
        var shapes = (TicketId is null ? 0 : 1) + (TicketIds is null ? 0 : 1) + (IsGeneralAdmission ? 1 : 0);
        var validation = new Validation()
            .Require(shapes > 0, "ticketIds", "Give ticketId, ticketIds, or eventId with tier and quantity.")
            .Require(shapes <= 1, "ticketIds", "Give only one of ticketId, ticketIds, or eventId with tier and quantity.");
        if (shapes != 1)
        {
            return validation;
        }

        if (TicketIds is { } ids)
        {
            validation
                .Require(ids.Length > 0, "ticketIds", "The cart is empty.")
                .Require(ids.Length <= maxTickets, "ticketIds", $"An order holds at most {maxTickets} tickets.")
                .Require(ids.Distinct().Count() == ids.Length, "ticketIds", "A ticket appears more than once.");
        }
        else if (IsGeneralAdmission)
        {
            validation
                .Require(EventId is not null, "eventId", "The event is required.")
                .Require(!string.IsNullOrWhiteSpace(Tier), "tier", "The tier is required.")
                .Require(Quantity is not null, "quantity", "The quantity is required.")
                .Require(Quantity is null or > 0, "quantity", "The quantity must be at least 1.")
                .Require(Quantity is null || Quantity <= maxTickets, "quantity", $"An order holds at most {maxTickets} tickets.");
        }

        return validation;
    }
}

internal static class CreateOrder
{
    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateOrderRequest request, ClaimsPrincipal user, HttpContext http, OrderingDbContext db, IOptions<OrderingOptions> options,
        WaitingRoomSecrets secrets, HoldBatcher batcher, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetUserId() is not { } userId)
        {
            return Problems.Forbidden("The token does not identify a user.");
        }

        var settings = options.Value;
        var validation = request.Validate(settings.MaxTicketsPerOrder);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var admission = await Admission.CheckAsync(http, userId, db, secrets, now, cancellationToken);
        if (admission.Problem is { } notAdmitted)
        {
            return notAdmitted;
        }

        if (admission.AdmittedEventId is not null)
        {
            // The buyer waited their turn: this order is work the platform already accepted, so it
            // goes before the opening burst of joins on SQLite's write lock (ADR 11, ADR 12).
            WritePriority.MarkFinishingWork();
        }

        var admitted = new Admitted(admission.AdmittedEventId ?? Guid.Empty, now);
        var ticketIds = request.TicketIds ?? (request.TicketId is { } single ? [single] : null);
        var orderId = Guid.CreateVersion7();
        var requested = ticketIds?.Length ?? request.Quantity!.Value;
        var free = ticketIds is not null
            ? await Reservations.CountFreeTicketsAsync(db, ticketIds, admitted, cancellationToken)
            : await Reservations.CountFreeUnitsAsync(db, request.EventId!.Value, request.Tier!, requested, admitted, cancellationToken);
        if (free < requested)
        {
            return await ExplainAsync(db, request, ticketIds, admitted, cancellationToken) ?? Shortfall(ticketIds, requested);
        }

        var hold = new HoldRequest(orderId, userId, ticketIds, request.EventId, request.Tier, requested, admitted);
        var placement = db.IsPostgreSql
            ? await PlaceInOwnTransactionAsync(db, hold, settings.HoldDuration, time, cancellationToken)
            : await batcher.PlaceAsync(hold, cancellationToken);
        if (placement.Order is not { } order)
        {
            return placement.Refusal switch
            {
                HoldRefusal.OwnResaleTicket => Problems.Conflict("You listed a requested ticket yourself: a seller cannot order their own resale ticket; nothing was reserved."),
                // The explaining reads (404, 400, 409) run only when the hold failed: a sale's happy
                // path is then one read and one statement plus the inserts, not three round trips more.
                _ => await ExplainAsync(db, request, ticketIds, admitted, cancellationToken) ?? (placement.Refusal == HoldRefusal.Shortfall
                    ? Shortfall(ticketIds, requested)
                    : Problems.BadRequest("The tickets are priced in different currencies; order them separately.")),
            };
        }

        return TypedResults.Created($"/api/orders/{order.Id}", OrderResponse.From(order));
    }

    /// <summary>PostgreSQL: each order in its own transaction (concurrent commits share WAL flushes there).</summary>
    private static async Task<Placement> PlaceInOwnTransactionAsync(
        OrderingDbContext db, HoldRequest hold, TimeSpan holdDuration, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var placement = await PlaceOrder.TryAsync(db, hold, holdDuration, time, cancellationToken);
        if (placement.Order is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return placement;
        }

        await transaction.CommitAsync(cancellationToken);
        return placement;
    }

    /// <summary>Why the tickets cannot be held (404, 400, 403 or 409), or null when the replica does not say.</summary>
    private static Task<ProblemHttpResult?> ExplainAsync(
        OrderingDbContext db, CreateOrderRequest request, Guid[]? ticketIds, Admitted admitted, CancellationToken cancellationToken) =>
        ticketIds is not null
            ? CheckTicketsAsync(db, ticketIds, admitted, cancellationToken)
            : CheckTierAsync(db, request.EventId!.Value, request.Tier!, admitted, cancellationToken);

    private static ProblemHttpResult Shortfall(Guid[]? ticketIds, int requested) => Problems.Conflict(ticketIds is not null
        ? "A requested ticket is no longer available; nothing was reserved."
        : $"Fewer than {requested} ticket(s) of that tier are available; nothing was reserved.");

    /// <summary>
    /// Explains a failed hold from the replica: 404 unknown, 400 mixed currencies, 409 taken.
    /// Only a hint for the 409: the hold itself was decided by the conditional update.
    /// </summary>
    private static async Task<ProblemHttpResult?> CheckTicketsAsync(OrderingDbContext db, Guid[] ticketIds, Admitted admitted, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.TicketId)).ToListAsync(cancellationToken);
        var missing = ticketIds.Except(tickets.Select(t => t.TicketId)).ToList();
        if (missing.Count > 0)
        {
            return Problems.NotFound($"Unknown ticket(s): {string.Join(", ", missing)}.");
        }

        if (Order.SharedCurrency(tickets.Select(t => t.Currency)) is null)
        {
            return Problems.BadRequest("The tickets are priced in different currencies; order them separately.");
        }

        var eventIds = tickets.Where(t => t.EventId is not null).Select(t => t.EventId!.Value).Distinct().ToList();
        var cancelled = eventIds.Count > 0 && await db.CancelledEvents.AnyAsync(c => eventIds.Contains(c.EventId), cancellationToken);
        if (!cancelled && await QueuedEventAsync(db, eventIds, admitted, cancellationToken) is { } queued)
        {
            return JoinTheLine(queued);
        }

        return cancelled || tickets.Any(t => !IsFree(t))
            ? Problems.Conflict("A requested ticket is not available (reserved, sold, or its event was cancelled); nothing was reserved.")
            : null;
    }

    private static async Task<ProblemHttpResult?> CheckTierAsync(
        OrderingDbContext db, Guid eventId, string tier, Admitted admitted, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.AnyAsync(t => t.EventId == eventId && t.Tier == tier, cancellationToken))
        {
            return Problems.NotFound($"No tickets of tier '{tier}' for event {eventId}.");
        }

        if (await db.CancelledEvents.AnyAsync(c => c.EventId == eventId, cancellationToken))
        {
            return Problems.Conflict("The event was cancelled.");
        }

        return await QueuedEventAsync(db, [eventId], admitted, cancellationToken) is { } queued ? JoinTheLine(queued) : null;
    }

    /// <summary>An event of the request whose waiting room is open and that the buyer's token did not admit them to.</summary>
    private static async Task<Guid?> QueuedEventAsync(OrderingDbContext db, List<Guid> eventIds, Admitted admitted, CancellationToken cancellationToken)
    {
        var queued = await db.WaitingRooms
            .Where(r => eventIds.Contains(r.EventId) && r.EventId != admitted.EventId && r.ClosesAt > admitted.Now)
            .Select(r => r.EventId)
            .FirstOrDefaultAsync(cancellationToken);
        return queued == Guid.Empty ? null : queued;
    }

    private static ProblemHttpResult JoinTheLine(Guid eventId) => TypedResults.Problem(
        $"This sale opens through a waiting room: take your place with POST /api/waiting-rooms/{eventId} and order with its token in the {QueueToken.Header} header once admitted.",
        statusCode: StatusCodes.Status403Forbidden, title: "Waiting room",
        extensions: new Dictionary<string, object?> { ["eventId"] = eventId });

    private static bool IsFree(TicketReplica ticket) =>
        ticket.HeldByOrderId is null && ticket.Status is not (TicketStatuses.Sold or TicketStatuses.Withdrawn);
}
