namespace Harness.Engine.Metrics;

/// <summary>A parsed exposition: samples, declared types, and any lines that could not be parsed.</summary>
/// <param name="Samples">Every sample.</param>
/// <param name="Types">Family name to declared type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>, ...).</param>
/// <param name="Errors">Unparseable lines, each as <c>line N: why</c>.</param>
public sealed record PrometheusScrape(IReadOnlyList<MetricSample> Samples, IReadOnlyDictionary<string, string> Types, IReadOnlyList<string> Errors);
