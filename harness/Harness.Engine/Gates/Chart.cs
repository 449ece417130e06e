namespace Harness.Engine.Gates;

/// <summary>Numbers a gate wants drawn: one bar per category, one colour per series.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Categories">Category labels along the x axis.</param>
/// <param name="Series">Series, each with one value per category.</param>
/// <param name="YLabel">Label of the value axis, for example <c>requests</c>.</param>
public sealed record Chart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string YLabel = "");
