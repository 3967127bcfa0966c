namespace Ticketing.Web.Api;

/// <summary>The payments service.</summary>
public sealed class PaymentsApi(ApiClient api)
{
    /// <summary>The order's most recent payment attempt, or null when there is none (or it cannot be read).</summary>
    public async Task<PaymentDto?> LatestForOrderAsync(Guid orderId) =>
        (await api.GetAsync<List<PaymentDto>>($"/api/payments?orderId={orderId}")).Value?.LastOrDefault();

    public async Task<PaymentConfigDto?> ConfigAsync() => (await api.GetAsync<PaymentConfigDto>("/api/payments/config")).Value;

    /// <summary>Pays with a card (the sandbox's test numbers or a provider's payment method).</summary>
    public Task<ApiResult<PaymentDto>> PayAsync(Guid orderId, string paymentMethod) =>
        api.PostAsync<PaymentDto>("/api/payments", new PaymentRequest(orderId, paymentMethod));

    /// <summary>Starts a payment without a method, for Stripe Elements to confirm in the browser with the client secret.</summary>
    public Task<ApiResult<PaymentDto>> StartAsync(Guid orderId) => api.PostAsync<PaymentDto>("/api/payments", new PaymentRequest(orderId));
}
