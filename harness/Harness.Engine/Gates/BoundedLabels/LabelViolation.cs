namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>One label value that breaks the bounded-label rule.</summary>
/// <param name="Metric">Metric family.</param>
/// <param name="Label">Label name.</param>
/// <param name="Value">The offending value.</param>
/// <param name="Why">What is wrong with it.</param>
/// <param name="Line">First line of the scrape where it appeared.</param>
public sealed record LabelViolation(string Metric, string Label, string Value, string Why, int Line);
