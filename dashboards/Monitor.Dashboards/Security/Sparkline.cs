using System.Globalization;
using System.Text;

namespace Monitor.Dashboards.Security;

/// <summary>A sparkline drawn on the server as SVG (no script, so it shows under the strict content policy and on any
/// phone); its numbers are in the title for a screen reader and a test.</summary>
internal static class Sparkline
{
    public static string Svg(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        const int Width = 112, Height = 24;
        var max = Math.Max(1, values.DefaultIfEmpty(0).Max());
        var step = values.Count > 1 ? (double)Width / (values.Count - 1) : Width;
        var points = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{i * step:0.#},{Height - 2 - ((Height - 4) * values[i] / (double)max):0.#} ");
        }

        var title = "Bài mới mỗi ngày: " + string.Join(", ", values);
        return $"<svg class=\"sparkline\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{title}\" data-values=\"{string.Join(',', values)}\"><title>{title}</title><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"{points.ToString().TrimEnd()}\"/></svg>";
    }
}
