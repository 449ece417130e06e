namespace Harness.Engine.Gates;

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
