namespace Ticketing.Web.Api;

/// <summary>Passes (the tickets people carry) and the gate's check-in, both served by the catalog.</summary>
public sealed class PassesApi(ApiClient api)
{
    // The API's largest page: more passes than this in one account is beyond what the page shows anyway.
    private const int PageSize = 200;

    public Task<ApiResult<List<PassDto>>> MineAsync() => api.GetAsync<List<PassDto>>($"/api/passes?pageSize={PageSize}");

    /// <summary>The pass's QR image as the API answers it (caller disposes).</summary>
    public Task<HttpResponseMessage> QrSvgAsync(string id, CancellationToken cancellationToken) =>
        api.SendRawAsync(HttpMethod.Get, $"/api/passes/{Uri.EscapeDataString(id)}/qr.svg", null, cancellationToken);

    public Task<ApiResult<object>> TransferAsync(Guid id, string email) =>
        api.PostAsync<object>($"/api/passes/{id}/transfer", new EmailRequest(email));

    /// <summary>2xx admits; 400, 403, 409 (already checked in) or 410 refuse with the API's reason.</summary>
    public Task<ApiResult<CheckInDto>> CheckInAsync(string code) => api.PostAsync<CheckInDto>("/api/checkins", new CheckInRequest(code));
}
