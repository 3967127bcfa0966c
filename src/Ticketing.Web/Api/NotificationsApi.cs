namespace Ticketing.Web.Api;

/// <summary>The notifications service: the caller's in-app notifications.</summary>
public sealed class NotificationsApi(ApiClient api)
{
    public Task<ApiResult<List<NotificationDto>>> MineAsync() => api.GetAsync<List<NotificationDto>>("/api/notifications");

    public Task<ApiResult<object>> MarkReadAsync(Guid id) => api.PostAsync<object>($"/api/notifications/{id}/read", null);
}
