using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Ticketing.Web.Components.Shared;

/// <summary>Server-rendered SVG charts for the organizer's dashboard: no script, prints fine, screen readers get a title.</summary>
public static class SalesChart
{
    public sealed record TierRow(string Tier, int? Sold, int? Held, int Available, int Capacity, long? Revenue);

    public sealed record Point(DateTime At, int Sold);

    /// <summary>Reads <c>GET /api/events/{id}/sales</c> loosely: <c>tiers[]</c>, <c>timeline[]</c>, <c>revenue</c>.</summary>
    public static (List<TierRow>, List<Point>, long?) Parse(JsonElement body, List<TierRow> fallback)
    {
        var rows = fallback;
        if (body.TryGetProperty("tiers", out var tiers) && tiers.ValueKind == JsonValueKind.Array)
        {
            rows = tiers.EnumerateArray().Select(t => new TierRow(
                Str(t, "tier") ?? "", Int(t, "sold"), Int(t, "held"), Int(t, "available") ?? 0, Int(t, "capacity") ?? 0, Long(t, "revenue"))).ToList();
        }

        var points = new List<Point>();
        if (body.TryGetProperty("timeline", out var timeline) && timeline.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in timeline.EnumerateArray())
            {
                if (Str(p, "at") is { } at && DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var when))
                {
                    points.Add(new Point(when, Int(p, "sold") ?? 0));
                }
            }
        }

        return (rows, points.OrderBy(p => p.At).ToList(), Long(body, "revenue") ?? (rows.All(r => r.Revenue is null) ? null : rows.Sum(r => r.Revenue ?? 0)));
    }

    public static string Render(List<TierRow> rows, List<Point> timeline) =>
        timeline.Count > 1 ? Line(timeline) : Bars(rows);

    /// <summary>Cumulative tickets sold over time.</summary>
    private static string Line(List<Point> points)
    {
        const int w = 600, h = 200, pad = 30;
        var start = points[0].At;
        var span = Math.Max(1, (points[^1].At - start).TotalSeconds);
        var total = 0;
        var coords = new List<string>();
        var max = Math.Max(1, points.Sum(p => p.Sold));
        foreach (var p in points)
        {
            total += p.Sold;
            var x = pad + ((p.At - start).TotalSeconds / span * (w - 2 * pad));
            var y = h - pad - ((double)total / max * (h - 2 * pad));
            coords.Add(FormattableString.Invariant($"{x:0.#},{y:0.#}"));
        }

        return $"""
            <svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-title" data-testid="sales-chart">
              <title id="chart-title">Tickets sold over time: {total} in total</title>
              <line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" class="axis" />
              <polyline points="{string.Join(' ', coords)}" class="series" fill="none" />
              <text x="{pad}" y="{h - 8}" class="label">{Esc(start.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))}</text>
              <text x="{w - pad}" y="{h - 8}" class="label" text-anchor="end">{Esc(points[^1].At.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))}</text>
              <text x="{pad}" y="{pad - 8}" class="label">{max} sold</text>
            </svg>
            """;
    }

    /// <summary>Per tier: taken (sold or held) against still available.</summary>
    private static string Bars(List<TierRow> rows)
    {
        if (rows.Count == 0)
        {
            return "<p class=\"hint\">No tickets yet: add seats or general admission below.</p>";
        }

        const int w = 600, barH = 26, gap = 12, label = 140;
        var h = rows.Count * (barH + gap) + gap;
        var max = Math.Max(1, rows.Max(r => r.Capacity));
        var svg = new StringBuilder(FormattableString.Invariant(
            $"<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-title\" data-testid=\"sales-chart\"><title id=\"chart-title\">Taken and available tickets per tier</title>"));
        var y = gap;
        foreach (var r in rows)
        {
            var scale = (w - label - 10) / (double)max;
            var taken = r.Capacity - r.Available;
            svg.Append(FormattableString.Invariant(
                $"<text x=\"0\" y=\"{y + 18}\" class=\"label\">{Esc(r.Tier)}</text><rect x=\"{label}\" y=\"{y}\" width=\"{taken * scale:0.#}\" height=\"{barH}\" class=\"taken\"><title>{taken} taken</title></rect><rect x=\"{label + taken * scale:0.#}\" y=\"{y}\" width=\"{r.Available * scale:0.#}\" height=\"{barH}\" class=\"free\"><title>{r.Available} available</title></rect><text x=\"{label + 6}\" y=\"{y + 18}\" class=\"label on-bar\">{taken} / {r.Capacity}</text>"));
            y += barH + gap;
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : null;

    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
