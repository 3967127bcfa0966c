namespace Ticketing.Web.Api;

/// <summary>The catalog service: events, their inventory, staff and sales, and resale tickets.</summary>
public sealed class CatalogApi(ApiClient api)
{
    // Listing pages show one screenful; the API caps a page at 200.
    private const int HomePageSize = 50;
    private const int MinePageSize = 100;
    private const int ResalePageSize = 100;

    public Task<ApiResult<List<EventDto>>> UpcomingEventsAsync() => api.GetAsync<List<EventDto>>($"/api/events?pageSize={HomePageSize}");

    public Task<ApiResult<List<EventDto>>> MyEventsAsync() => api.GetAsync<List<EventDto>>($"/api/events?mine=true&pageSize={MinePageSize}");

    public Task<ApiResult<EventDto>> EventAsync(Guid id) => api.GetAsync<EventDto>($"/api/events/{id}");

    /// <summary>Free seats and counts per tier in one read, for the seat map and its live refresh.</summary>
    public Task<ApiResult<AvailabilityDto>> AvailabilityAsync(Guid id) => api.GetAsync<AvailabilityDto>($"/api/events/{id}/availability");

    public Task<ApiResult<EventDto>> CreateEventAsync(EventRequest request) => api.PostAsync<EventDto>("/api/events", request);

    public Task<ApiResult<object>> PublishAsync(Guid id) => api.PostAsync<object>($"/api/events/{id}/publish", null);

    public Task<ApiResult<object>> CancelEventAsync(Guid id) => api.PostAsync<object>($"/api/events/{id}/cancel", null);

    public Task<ApiResult<object>> AddSeatsAsync(Guid id, SeatsRequest request) => api.PostAsync<object>($"/api/events/{id}/tickets", request);

    public Task<ApiResult<object>> AddGeneralAdmissionAsync(Guid id, GeneralAdmissionRequest request) =>
        api.PostAsync<object>($"/api/events/{id}/tickets", request);

    public Task<ApiResult<List<StaffDto>>> StaffAsync(Guid id) => api.GetAsync<List<StaffDto>>($"/api/events/{id}/staff");

    public Task<ApiResult<object>> AddStaffAsync(Guid id, string email) => api.PostAsync<object>($"/api/events/{id}/staff", new EmailRequest(email));

    public Task<ApiResult<SalesReportDto>> SalesAsync(Guid id) => api.GetAsync<SalesReportDto>($"/api/events/{id}/sales");

    public Task<ApiResult<List<TicketDto>>> TicketsOnSaleAsync() => api.GetAsync<List<TicketDto>>($"/api/tickets?pageSize={ResalePageSize}");

    public Task<ApiResult<TicketDto>> TicketAsync(Guid id) => api.GetAsync<TicketDto>($"/api/tickets/{id}");

    public Task<ApiResult<TicketDto>> ListTicketAsync(TicketRequest request) => api.PostAsync<TicketDto>("/api/tickets", request);

    public Task<ApiResult<TicketDto>> UpdateTicketAsync(Guid id, TicketUpdateRequest request) => api.PutAsync<TicketDto>($"/api/tickets/{id}", request);
}
