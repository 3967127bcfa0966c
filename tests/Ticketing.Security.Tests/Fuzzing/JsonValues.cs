using System.Globalization;
using System.Text.Json.Nodes;

namespace Ticketing.Security.Tests.Fuzzing;

/// <summary>Random JSON values: well typed with boundary values, or of any type at all.</summary>
internal sealed class JsonValues(Random random, IReadOnlyList<Guid> knownIds, IReadOnlyList<string> knownStrings)
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "79228162514264337593543950335", "79228162514264337593543950336", "1e308", "-1e308",
        "1e-324", "0.000000000000000000000000000001", "12.345678901234567890123", "1.5", "-0.01", "100000000000",
        "4e2", "1E400",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "a", "\u0000", "\t\r\n", "' OR 1=1 --", "<script>alert(1)</script>", "🎟️🎟️", "\ud83d", "null", "true",
        "-1", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "2026-02-30T00:00:00Z", "not a date",
        "00000000-0000-0000-0000-000000000000", "a@b", "x@example.test", "@", "EUR", "eur", "XXX", "€", "pm_card_visa",
        "pm_card_chargeDeclined", "../../etc/passwd", "%00", "\\u0000", "Ä".PadRight(300, 'Ä'),
    ];

    public JsonNode? Any(int depth = 0) => random.Next(depth > 2 ? 6 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => Number(),
        3 or 4 => JsonValue.Create(String()),
        5 => JsonValue.Create(KnownId().ToString()),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => Any(depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4))
            .Select(i => KeyValuePair.Create($"k{i}{random.Next(100)}", Any(depth + 1)))),
    };

    public JsonNode Number() => JsonNode.Parse(random.Next(3) == 0
        ? (random.NextDouble() * Math.Pow(10, random.Next(-5, 12)) * (random.Next(2) == 0 ? 1 : -1)).ToString("R", CultureInfo.InvariantCulture)
        : Numbers[random.Next(Numbers.Length)])!;

    public string String() => random.Next(10) switch
    {
        0 => new string((char)random.Next(32, 0x2FFF), random.Next(1, 400)),
        1 => new string('x', random.Next(1000, 20_000)),
        2 when knownStrings.Count > 0 => knownStrings[random.Next(knownStrings.Count)],
        3 => $"user-{random.Next()}@example.test",
        _ => Strings[random.Next(Strings.Length)],
    };

    public Guid KnownId() => random.Next(4) == 0 || knownIds.Count == 0 ? Guid.NewGuid() : knownIds[random.Next(knownIds.Count)];

    /// <summary>A value meant for <paramref name="type"/>, mostly of that type, with its edges.</summary>
    public JsonNode? For(Type type)
    {
        if (random.Next(12) == 0)
        {
            return Any();
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return random.Next(15) == 0 ? null : JsonValue.Create(String());
        }

        if (type == typeof(Guid))
        {
            return random.Next(10) switch
            {
                0 => JsonValue.Create(Guid.Empty.ToString()),
                1 => JsonValue.Create("not-a-guid"),
                2 => null,
                _ => JsonValue.Create(KnownId().ToString()),
            };
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
        {
            return random.Next(3) == 0 ? JsonValue.Create(random.Next(-5, 50)) : Number();
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(random.Next(2) == 0);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return random.Next(3) == 0
                ? JsonValue.Create(Strings[random.Next(12, 16)])
                : JsonValue.Create(DateTimeOffset.UtcNow.AddDays(random.Next(-4000, 4000)).AddMinutes(random.Next(-1000, 1000)).ToString("O"));
        }

        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
            : null;
        if (element is not null)
        {
            var count = random.Next(8) == 0 ? random.Next(200, 3000) : random.Next(0, 6);
            return new JsonArray(Enumerable.Range(0, count).Select(_ => For(element)).ToArray());
        }

        return Any();
    }
}
