using System.Globalization;
using System.Net;
using System.Text;

namespace Ticketing.Bench;

internal sealed record Series(string Name, string Color, IReadOnlyList<double> Values);

/// <summary>Plain SVG bar and line charts, written by hand so the bench needs no charting package.</summary>
internal static class Charts
{
    private const int Width = 760, Height = 320, Left = 60, Right = 20, Top = 40, Bottom = 50;

    /// <summary>Latency histogram with doubling buckets (1, 2, 4 ... ms), one bar group per series.</summary>
    public static string Histogram(string title, IReadOnlyList<(string Name, string Color, IReadOnlyList<double> Ms)> data)
    {
        var max = Math.Max(1, data.SelectMany(d => d.Ms).DefaultIfEmpty(1).Max());
        var buckets = Math.Max(1, (int)Math.Ceiling(Math.Log2(max)) + 1);
        var labels = Enumerable.Range(0, buckets).Select(i => $"≤{Format(Math.Pow(2, i))}").ToList();
        var series = data.Select(d =>
        {
            var counts = new double[buckets];
            foreach (var v in d.Ms)
            {
                counts[Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(1, v))), 0, buckets - 1)]++;
            }

            return new Series(d.Name, d.Color, counts);
        }).ToList();
        return Bars(title, "latency bucket (ms)", "requests", labels, series);
    }

    public static string Bars(string title, string xLabel, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        var svg = Begin(title, xLabel, yLabel, series, out var plotW, out var plotH);
        var yMax = Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
        Axis(svg, yMax, plotH);
        var group = plotW / (double)labels.Count;
        var bar = group * 0.8 / series.Count;
        for (var i = 0; i < labels.Count; i++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var h = series[s].Values[i] / yMax * plotH;
                svg.AppendLine(F($"<rect x='{Left + i * group + group * 0.1 + s * bar:F1}' y='{Top + plotH - h:F1}' width='{bar:F1}' height='{h:F1}' fill='{series[s].Color}'/>"));
            }

            if (labels.Count <= 24 || i % (labels.Count / 12 + 1) == 0)
            {
                svg.AppendLine(F($"<text x='{Left + (i + 0.5) * group:F1}' y='{Top + plotH + 15}' font-size='10' text-anchor='middle'>{WebUtility.HtmlEncode(labels[i])}</text>"));
            }
        }

        return End(svg);
    }

    /// <summary>Values per time step as lines; the x axis is seconds since the sale opened.</summary>
    public static string Lines(string title, string yLabel, double stepSeconds, IReadOnlyList<Series> series)
    {
        var svg = Begin(title, "seconds since the sale opened", yLabel, series, out var plotW, out var plotH);
        var yMax = Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
        Axis(svg, yMax, plotH);
        var points = Math.Max(2, series.Max(s => s.Values.Count));
        var dx = plotW / (double)(points - 1);
        foreach (var s in series)
        {
            var path = string.Join(' ', s.Values.Select((v, i) => F($"{Left + i * dx:F1},{Top + plotH - v / yMax * plotH:F1}")));
            svg.AppendLine($"<polyline fill='none' stroke='{s.Color}' stroke-width='2' points='{path}'/>");
        }

        for (var i = 0; i < points; i += Math.Max(1, points / 10))
        {
            svg.AppendLine(F($"<text x='{Left + i * dx:F1}' y='{Top + plotH + 15}' font-size='10' text-anchor='middle'>{i * stepSeconds:0.#}</text>"));
        }

        return End(svg);
    }

    private static StringBuilder Begin(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, out int plotW, out int plotH)
    {
        plotW = Width - Left - Right;
        plotH = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.AppendLine(F($"<svg xmlns='http://www.w3.org/2000/svg' width='{Width}' height='{Height}' viewBox='0 0 {Width} {Height}' font-family='sans-serif'>"));
        svg.AppendLine(F($"<rect width='{Width}' height='{Height}' fill='white'/>"));
        svg.AppendLine(F($"<text x='{Width / 2}' y='20' font-size='14' text-anchor='middle'>{WebUtility.HtmlEncode(title)}</text>"));
        svg.AppendLine(F($"<text x='{Left + plotW / 2}' y='{Height - 10}' font-size='11' text-anchor='middle'>{WebUtility.HtmlEncode(xLabel)}</text>"));
        svg.AppendLine(F($"<text x='14' y='{Top + plotH / 2}' font-size='11' text-anchor='middle' transform='rotate(-90 14 {Top + plotH / 2})'>{WebUtility.HtmlEncode(yLabel)}</text>"));
        for (var s = 0; s < series.Count; s++)
        {
            svg.AppendLine(F($"<rect x='{Left + 10 + s * 200}' y='28' width='10' height='10' fill='{series[s].Color}'/>"));
            svg.AppendLine(F($"<text x='{Left + 24 + s * 200}' y='37' font-size='11'>{WebUtility.HtmlEncode(series[s].Name)}</text>"));
        }

        return svg;
    }

    private static void Axis(StringBuilder svg, double yMax, int plotH)
    {
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + plotH - i * plotH / 4.0;
            svg.AppendLine(F($"<line x1='{Left}' x2='{Width - Right}' y1='{y:F1}' y2='{y:F1}' stroke='#ddd'/>"));
            svg.AppendLine(F($"<text x='{Left - 5}' y='{y + 4:F1}' font-size='10' text-anchor='end'>{Format(yMax * i / 4)}</text>"));
        }
    }

    private static string End(StringBuilder svg) => svg.AppendLine("</svg>").ToString();

    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(v => v >= max);
    }

    private static string Format(double v) => v >= 1000 ? F($"{v / 1000:0.#}k") : F($"{v:0.##}");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
