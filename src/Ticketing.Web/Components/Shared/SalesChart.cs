using System.Globalization;
using System.Net;
using System.Text;
using Ticketing.Web.Api;

namespace Ticketing.Web.Components.Shared;

/// <summary>Server-rendered SVG charts for the organizer's dashboard: no script, prints fine, screen readers get a title.</summary>
public static class SalesChart
{
    public sealed record TierRow(string Tier, int? Sold, int? Held, int Available, int Capacity, long? Revenue);

    public static string Render(List<TierRow> rows, IReadOnlyList<SalesPointDto> timeline) =>
        timeline.Count > 1 ? Line(timeline.OrderBy(p => p.At).ToList()) : Bars(rows);

    /// <summary>Tickets sold over time; the report's points are already cumulative.</summary>
    private static string Line(List<SalesPointDto> points)
    {
        const int w = 600, h = 200, pad = 30;
        var start = points[0].At;
        var span = Math.Max(1, (points[^1].At - start).TotalSeconds);
        var total = points[^1].Sold;
        var coords = new List<string>();
        var max = Math.Max(1, points.Max(p => p.Sold));
        foreach (var p in points)
        {
            var x = pad + ((p.At - start).TotalSeconds / span * (w - 2 * pad));
            var y = h - pad - ((double)p.Sold / max * (h - 2 * pad));
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
}
