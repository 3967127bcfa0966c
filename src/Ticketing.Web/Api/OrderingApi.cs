namespace Ticketing.Web.Api;

/// <summary>The ordering service: orders (timed holds) and events' waiting rooms.</summary>
public sealed class OrderingApi(ApiClient api)
{
    public const string QueueTokenHeader = "Queue-Token";

    public Task<ApiResult<OrderDto>> OrderAsync(Guid id) => api.GetAsync<OrderDto>($"/api/orders/{id}");

    public Task<ApiResult<List<OrderDto>>> MyOrdersAsync() => api.GetAsync<List<OrderDto>>("/api/orders");

    /// <summary>Holds the picked seats; <paramref name="queueToken"/> is the waiting-room place's token, if the sale has a line.</summary>
    public Task<ApiResult<OrderDto>> OrderSeatsAsync(IReadOnlyList<Guid> ticketIds, string? queueToken) =>
        CreateAsync(new SeatsOrderRequest(ticketIds), queueToken);

    public Task<ApiResult<OrderDto>> OrderGeneralAdmissionAsync(Guid eventId, string tier, int? quantity, string? queueToken) =>
        CreateAsync(new TierOrderRequest(eventId, tier, quantity), queueToken);

    public Task<ApiResult<OrderDto>> OrderTicketAsync(Guid ticketId) => CreateAsync(new TicketOrderRequest(ticketId), null);

    public Task<ApiResult<object>> CancelOrderAsync(Guid id) => api.SendAsync<object>(HttpMethod.Delete, $"/api/orders/{id}", null);

    /// <summary>The caller's place in the event's line; 404 when they have none.</summary>
    public Task<ApiResult<QueuePlaceDto>> PlaceAsync(Guid eventId) => api.GetAsync<QueuePlaceDto>($"/api/waiting-rooms/{eventId}");

    /// <summary>Takes a place in the event's line; 404 when no waiting room is open.</summary>
    public Task<ApiResult<QueuePlaceDto>> JoinLineAsync(Guid eventId) => api.PostAsync<QueuePlaceDto>($"/api/waiting-rooms/{eventId}", null);

    private Task<ApiResult<OrderDto>> CreateAsync(object request, string? queueToken) =>
        api.SendAsync<OrderDto>(HttpMethod.Post, "/api/orders", request, headers: queueToken is { Length: > 0 }
            ? new Dictionary<string, string> { [QueueTokenHeader] = queueToken }
            : null);
}
