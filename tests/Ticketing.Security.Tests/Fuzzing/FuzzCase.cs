using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ticketing.Security.Tests.Fuzzing;

/// <summary>One hostile request: a route with its parameters filled, a caller, a body and how it is framed.</summary>
internal sealed record FuzzCase(string Method, string Path, string Caller, string Kind, byte[] Body, string? ContentType, bool Chunked, string? StripeSignature = null)
{
    /// <summary>The fuzzed platform's Stripe webhook secret, so signed garbage reaches the event parser.</summary>
    public const string WebhookSecret = "whsec_fuzz";

    public string Describe() =>
        $"{Method} {Path} as {Caller} [{Kind}, {Body.Length} bytes{(Chunked ? ", chunked" : "")}, {ContentType ?? "no content type"}]: "
        + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));

    public HttpRequestMessage ToRequest(IReadOnlyDictionary<string, string> tokens)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        HttpContent content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        request.Content = content;
        if (Chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        if (StripeSignature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature);
        }

        if (Caller.EndsWith("-cookie", StringComparison.Ordinal))
        {
            request.Headers.Add("Cookie", $"ticketing_session={tokens[Caller[..^7]]}");
        }
        else if (tokens.TryGetValue(Caller, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}

/// <summary>Turns a seeded <see cref="Random"/> into hostile requests for the endpoints it is given.</summary>
internal sealed partial class FuzzCaseGenerator(Random random, JsonValues values, int maxBodyBytes, IReadOnlyList<string> callers)
{
    private static readonly string[] ContentTypes =
        ["text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=bogus", "multipart/form-data",
         "application/json; charset=utf-7", "application/json; charset=\"utf-8\"", "application/json; charset="];

    public FuzzCase Next(FuzzTarget target)
    {
        var path = RouteParameter().Replace(target.Route, m => m.Groups["constraint"].Value == "guid"
            ? values.KnownId().ToString()
            : Uri.EscapeDataString(values.String()));
        var caller = callers[random.Next(callers.Count)];
        var (kind, body) = random.Next(100) switch
        {
            < 35 => ("shaped", Utf8(Shaped(target.RequestType, wrongTypes: false))),
            < 50 => ("wrong-types", Utf8(Shaped(target.RequestType, wrongTypes: true))),
            < 70 => Malformed(target.RequestType),
            < 80 => ("deep", Utf8(Deep(random.Next(33, 10_000)))),
            < 87 => ("oversized", Utf8(Oversized())),
            < 90 => ("large-within-limit", Utf8(new JsonObject { [FirstProperty(target.RequestType)] = new string('y', maxBodyBytes - 200) }.ToJsonString())),
            _ => ("any", Utf8(values.Any()?.ToJsonString() ?? "null")),
        };
        var contentType = random.Next(10) == 0 ? (random.Next(5) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)]) : "application/json";
        var signature = target.Route.EndsWith("/webhooks/stripe", StringComparison.Ordinal) && random.Next(4) != 0 ? Sign(body) : null;
        return new FuzzCase(target.Method, path, caller, kind, body, contentType, Chunked: random.Next(6) == 0, signature);
    }

    /// <summary>Stripe's scheme over the exact bytes; now and then with a stale timestamp.</summary>
    private string Sign(byte[] body)
    {
        var t = DateTimeOffset.UtcNow.AddMinutes(random.Next(8) == 0 ? -10 : 0).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Utf8(FuzzCase.WebhookSecret), (byte[])[.. Utf8(t + "."), .. body]);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private string Shaped(Type? type, bool wrongTypes)
    {
        var body = new JsonObject();
        foreach (var property in type?.GetProperties() ?? [])
        {
            if (random.Next(8) == 0)
            {
                continue;
            }

            var name = JsonNamingPolicyCamel(property.Name);
            body[random.Next(30) == 0 ? property.Name.ToUpperInvariant() : name] = wrongTypes ? values.Any() : values.For(property.PropertyType);
        }

        if (random.Next(6) == 0)
        {
            body[$"extra{random.Next(10)}"] = values.Any();
        }

        return body.ToJsonString();
    }

    private (string, byte[]) Malformed(Type? type)
    {
        var shaped = Shaped(type, wrongTypes: false);
        return random.Next(9) switch
        {
            0 => ("truncated", Utf8(shaped[..random.Next(shaped.Length)])),
            1 => ("flipped-char", Utf8(Flip(shaped))),
            2 => ("random-bytes", RandomBytes()),
            3 => ("invalid-utf8", [.. Utf8("{\"email\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\"}")]),
            4 => ("empty", []),
            5 => ("duplicate-keys", Utf8(shaped.Length > 2 ? shaped[..^1] + "," + shaped[1..] : "{\"a\":1,\"a\":2}")),
            6 => ("comments-trailing-comma", Utf8("{/* c */ \"title\": \"x\",}")),
            7 => ("top-level-scalar", Utf8(random.Next(2) == 0 ? "\"just a string\"" : "[1,2,3]")),
            _ => ("bom-and-nul", [0xEF, 0xBB, 0xBF, .. Utf8(shaped), 0x00]),
        };
    }

    private string Deep(int depth)
    {
        var (open, close) = random.Next(3) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            _ => ("{\"title\":[", "]}"),
        };
        var builder = new StringBuilder(depth * (open.Length + close.Length) + 2);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append('1');
        if (random.Next(4) != 0)
        {
            for (var i = 0; i < depth; i++)
            {
                builder.Append(close);
            }
        }

        return builder.ToString();
    }

    private string Oversized() => "{\"title\":\"" + new string('z', maxBodyBytes + random.Next(1, maxBodyBytes)) + "\"}";

    private string Flip(string json)
    {
        if (json.Length == 0)
        {
            return "{";
        }

        var chars = json.ToCharArray();
        const string Breakers = "{}[]\",:\\0e-.";
        chars[random.Next(chars.Length)] = Breakers[random.Next(Breakers.Length)];
        return new string(chars);
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string FirstProperty(Type? type) =>
        type?.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(string)) is { } p ? JsonNamingPolicyCamel(p.Name) : "title";

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [GeneratedRegex(@"\{(?<name>\*?\w+)(:(?<constraint>\w+))?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>An endpoint taking a body, and the type its JSON binds to (null if it reads the body itself).</summary>
internal sealed record FuzzTarget(string Method, string Route, Type? RequestType);
