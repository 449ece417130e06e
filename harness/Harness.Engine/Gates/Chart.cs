namespace Harness.Engine.Gates;

/// <summary>Numbers a gate wants drawn: one bar per category, one colour per series.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Categories">Category labels along the x axis.</param>
/// <param name="Series">Series, each with one value per category.</param>
/// <param name="YLabel">Label of the value axis, for example <c>requests</c>.</param>
public sealed record Chart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string YLabel = "");

/// <summary>One named row of chart values.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per category.</param>
/// <param name="Color">Bar colour as <c>#rrggbb</c>; null for the next colour of the neutral palette.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string? Color = null)
{
    /// <summary>Colour of good observations.</summary>
    public const string Good = "#2e7d32";

    /// <summary>Colour of bad observations.</summary>
    public const string Bad = "#c62828";
}
