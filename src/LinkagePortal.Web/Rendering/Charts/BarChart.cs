namespace LinkagePortal.Rendering.Charts;

/// <summary>One measure drawn in a chart (a document's allocation, money detailed into projects), with its bar colour.</summary>
public sealed record ChartSeries(string Name, string Fill, int LegendY);

/// <summary>One bar: where it is drawn, and its figure written beside it.</summary>
public sealed record ChartBar(int X, int Y, int Width, int Height, string Fill, int TextX, int TextY, string ValueText);

/// <summary>One row of the chart and of its data table: a label, a bar per series, and the figures in 万元.</summary>
public sealed record ChartRow(string Label, string? Href, int LabelY, IReadOnlyList<ChartBar> Bars, IReadOnlyList<string> ValueTexts);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG by the <c>bar-chart</c> partial (no JavaScript, and no style
/// attributes, which the Content-Security-Policy forbids: colours and sizes are SVG presentation attributes), with its
/// figures as a data table. This type only lays the bars out; the partial writes the markup through the template seam,
/// so every label is encoded like any other text. Hand-written because no charting package in the allowed set renders
/// SVG on the server.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, string LabelHeader, string Unit, int Width, int Height, int LabelX, int AxisX,
    IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartRow> Rows)
{
    // Geometry in SVG user units; the SVG scales to the width of its container (viewBox), so a phone shows it whole.
    const int ChartWidth = 480;
    const int CharWidth = 14;
    const int BarHeight = 14;
    const int BarGap = 2;
    const int RowGap = 10;
    const int Top = 8;
    const int ValueRoom = 80;
    const int LegendLine = 20;

    static readonly string[] Fills = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#4a5568"];

    /// <summary>One label per row, with a figure per series (null where the series has none for the row: no bar is drawn).</summary>
    public sealed record Input(string Label, string? Href, IReadOnlyList<long?> Yuan);

    /// <summary>Lays out <paramref name="rows"/> as bars scaled to the largest figure; figures are in yuan and written in 万元.</summary>
    public static BarChart Build(string id, string title, string description, string labelHeader, IReadOnlyList<string> series, IReadOnlyList<Input> rows)
    {
        var labelWidth = Math.Max(4, rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max()) * CharWidth + 8;
        var axis = labelWidth;
        var room = ChartWidth - axis - ValueRoom;
        var max = Math.Max(1, rows.SelectMany(r => r.Yuan).Select(y => y ?? 0).DefaultIfEmpty(0).Max());
        var legend = series.Count > 1 ? series.Count * LegendLine : 0;
        var rowHeight = series.Count * (BarHeight + BarGap) - BarGap + RowGap;

        var laidOut = rows.Select((row, r) =>
        {
            var y = Top + legend + r * rowHeight;
            var bars = row.Yuan.Select((yuan, s) => (yuan, s)).Where(b => b.yuan is not null).Select(b =>
            {
                var width = b.yuan!.Value <= 0 ? 0 : (int)Math.Max(1, Math.Round((double)b.yuan.Value / max * room));
                var barY = y + b.s * (BarHeight + BarGap);
                return new ChartBar(axis, barY, width, BarHeight, Fills[b.s % Fills.Length], axis + width + 4, barY + BarHeight - 3, Wan(b.yuan.Value));
            }).ToList();
            return new ChartRow(row.Label, row.Href, y + (series.Count * (BarHeight + BarGap) - BarGap) / 2 + 5, bars,
                row.Yuan.Select(v => v is { } yuan ? Wan(yuan) : "—").ToList());
        }).ToList();

        var seriesViews = series.Select((name, s) => new ChartSeries(name, Fills[s % Fills.Length], Top + s * LegendLine + BarHeight - 3)).ToList();
        var height = Top + legend + rows.Count * rowHeight + Top;
        return new BarChart(id, title, description, labelHeader, "万元", ChartWidth, height, axis - 6, axis, seriesViews, laidOut);
    }

    static string Wan(long yuan) => Money.FormatWan(yuan);
}
