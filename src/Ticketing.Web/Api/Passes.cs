using System.Text.Json;

namespace Ticketing.Web.Api;

/// <summary>The caller's passes (issue 7), or null when this deployment has no passes API yet.</summary>
public static class Passes
{
    public static async Task<(List<PassView>? Passes, ApiProblem? Problem)> ListAsync(ApiClient api)
    {
        var result = await api.GetAsync<JsonElement>("/api/passes");
        if (result.Unavailable)
        {
            return (null, ApiProblem.Of("Passes are not available on this server yet."));
        }

        if (!result.Ok)
        {
            return (null, result.Problem);
        }

        // Either a bare array or a paged { items: [...] } body.
        var array = result.Value.ValueKind == JsonValueKind.Array ? result.Value
            : result.Value.TryGetProperty("items", out var items) ? items : default;
        return (array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(PassView.From).ToList() : [], null);
    }
}
