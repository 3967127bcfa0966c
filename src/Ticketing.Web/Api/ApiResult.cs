using System.Text.Json;

namespace Ticketing.Web.Api;

/// <summary>An RFC 9457 problem as the pages use it: a message and errors per field.</summary>
public sealed record ApiProblem(string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>True when the service explained itself; a bare 404 means the endpoint itself is missing.</summary>
    public bool Explained { get; init; }

    public static readonly ApiProblem None = new("", new Dictionary<string, string[]>());

    /// <summary>Errors for a field; API field names are camelCase, the lookup ignores case.</summary>
    public string[] For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    public static ApiProblem Of(string message) => new(message, new Dictionary<string, string[]>());
}

public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool Ok => Status is >= 200 and < 300;

    public bool NotFound => Status == 404;

    public bool Unauthorized => Status == 401;

    /// <summary>The API does not exist (yet) in this deployment: a 404 or 405 nobody explained.</summary>
    public bool Unavailable => Status is 404 or 405 && Problem is not { Explained: true };

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var value = text.Length == 0 || typeof(T) == typeof(object) ? default : JsonSerializer.Deserialize<T>(text, ApiClient.Json);
            return new ApiResult<T>(status, value, null);
        }

        return new ApiResult<T>(status, default, ParseProblem(status, text));
    }

    private static ApiProblem ParseProblem(int status, string text)
    {
        var fallback = status switch
        {
            401 => "Please sign in first.",
            403 => "You are not allowed to do that.",
            404 => "Not found.",
            429 => "Too many attempts; wait a moment and try again.",
            _ => $"The request failed ({status}).",
        };
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiProblem.Of(fallback);
            }

            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray()
                        : [field.Value.ToString()];
                }
            }

            var message = Text(root, "detail") ?? (errors.Count > 0 ? "Please correct the highlighted fields." : Text(root, "title")) ?? fallback;
            return new ApiProblem(message, errors) { Explained = Text(root, "detail") is not null || errors.Count > 0 };
        }
        catch (JsonException)
        {
            return ApiProblem.Of(fallback);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
