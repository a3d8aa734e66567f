using LinkagePortal.Rendering.Charts;

namespace LinkagePortal.Tests.Rendering.Charts;

/// <summary>The bar layout: bars scale to the largest figure and stay inside the drawing, a missing figure draws no bar.</summary>
public sealed class BarChartTests
{
    [Fact]
    public void Bars_scale_to_the_largest_figure_and_fit_the_drawing()
    {
        var chart = BarChart.Build("c", "标题", "说明", "地区", ["甲", "乙"],
        [
            new BarChart.Input("很长很长的地区名称", null, [20_000_000, 5_000_000]),
            new BarChart.Input("短", "/regions/65", [10_000_000, null]),
        ]);

        var bars = chart.Rows.SelectMany(r => r.Bars).ToList();
        Assert.Equal(3, bars.Count);
        Assert.InRange(bars[0].Width - 2 * bars[2].Width, -1, 1);
        Assert.InRange(bars[0].Width - 4 * bars[1].Width, -2, 2);
        Assert.All(bars, b => Assert.InRange(b.TextX + 8 * b.ValueText.Length, 0, chart.Width));
        Assert.All(bars, b => Assert.InRange(b.Y + b.Height, 0, chart.Height));
        Assert.All(bars, b => Assert.True(b.X >= chart.AxisX));
        Assert.Equal(["2,000", "500"], chart.Rows[0].ValueTexts);
        Assert.Equal(["1,000", "—"], chart.Rows[1].ValueTexts);
        Assert.Equal(2, chart.Series.Select(s => s.Fill).Distinct().Count());
    }
}
