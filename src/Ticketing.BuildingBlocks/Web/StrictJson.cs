using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// Request bodies are read strictly. ASP.NET Core's web defaults read <c>"12"</c> as the number 12,
/// so a client sending the wrong type would never learn of it; with duplicate keys the last one
/// silently wins, which lets a proxy or validator that reads the first see another document than
/// we do; and a date-time without an offset is taken in the server's time zone. All are a 400 (the
/// JSON reader throws; <see cref="ProblemDetailsSetup"/> answers it with the reason).
/// </summary>
public static class StrictJson
{
    public static IServiceCollection AddPlatformStrictJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new ExplicitOffsetConverter());
        });

    /// <summary>"2027-05-01T20:00:00" is a different instant on every server; only "…Z" or "…+02:00" say which one.</summary>
    private sealed class ExplicitOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new JsonException("expected a date-time in ISO 8601 form with an offset, e.g. 2027-05-01T20:00:00+02:00 or 2027-05-01T18:00:00Z.");
            }

            // The ISO reader gives DateTimeKind.Unspecified exactly when the text has neither Z nor an offset.
            if (reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
            {
                throw new JsonException("a date-time needs an offset or Z (e.g. 2027-05-01T20:00:00+02:00): without one its local time is ambiguous.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
