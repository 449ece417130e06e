using ScottPlot;
using Harness.Engine.Gates;

namespace Harness.Engine.Reports;

/// <summary>Draws <see cref="Chart"/>s as PNG with ScottPlot: grouped bars, one colour per series.</summary>
public static class ChartRenderer
{
    private const int LongLabel = 12;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1565c0"), Color.FromHex("#9e9e9e"), Color.FromHex("#f9a825"), Color.FromHex("#6a1b9a"),
    ];

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] RenderPng(Chart chart, int width = 720, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        var groups = chart.Series.Count;
        var colors = chart.Series.Select((series, i) => series.Color is { } hex ? Color.FromHex(hex) : Palette[i % Palette.Length]).ToArray();
        var horizontal = chart.Categories.Any(c => c.Length > LongLabel);
        var ticks = new List<Tick>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var groupStart = (horizontal ? chart.Categories.Count - 1 - c : c) * (groups + 1);
            for (var s = 0; s < groups; s++)
            {
                var values = chart.Series[s].Values;
                plot.Add.Bar(new Bar
                {
                    Position = groupStart + s,
                    Value = c < values.Count ? values[c] : 0,
                    FillColor = colors[s],
                    LineWidth = 0,
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }

            ticks.Add(new Tick(groupStart + (groups - 1) / 2.0, Shorten(chart.Categories[c])));
        }

        var categoryAxis = horizontal ? (ScottPlot.IAxis)plot.Axes.Left : plot.Axes.Bottom;
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        categoryAxis.MajorTickStyle.Length = 0;
        if (horizontal)
        {
            plot.Axes.Margins(left: 0);
            plot.XLabel(chart.YLabel);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        }
        else
        {
            plot.Axes.Margins(bottom: 0);
            plot.YLabel(chart.YLabel);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        }

        plot.Title(chart.Title);
        if (groups > 1)
        {
            for (var s = 0; s < groups; s++)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = colors[s] });
            }

            plot.ShowLegend(Edge.Right);
        }

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The verdict's gate statuses as a chart: blocking and advisory counts per status.</summary>
    public static Chart StatusOverview(RehearsalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        GateStatus[] statuses = [GateStatus.Pass, GateStatus.Fail, GateStatus.Inconclusive, GateStatus.NotEvaluated, GateStatus.NotApplicable];
        return new Chart("Gates by status",
            [.. statuses.Select(s => s.ToString())],
            [
                new ChartSeries("blocking", [.. statuses.Select(s => (double)report.Gates.Count(g => g.Blocking && g.Status == s))]),
                new ChartSeries("advisory", [.. statuses.Select(s => (double)report.Gates.Count(g => !g.Blocking && g.Status == s))]),
            ],
            "gates");
    }

    private static string Shorten(string label) => label.Length <= 40 ? label : label[..39] + "…";
}
