namespace Harness.Engine.Metrics;

/// <summary>One sample line of the Prometheus text format.</summary>
/// <param name="Name">Sample name, for example <c>stage_validation_duration_seconds_bucket</c>.</param>
/// <param name="Family">The metric family it belongs to (the name without <c>_bucket</c>/<c>_sum</c>/<c>_count</c> for histograms and summaries).</param>
/// <param name="Labels">Label pairs in the order written.</param>
/// <param name="Value">The sample value.</param>
/// <param name="Line">1-based line number.</param>
public sealed record MetricSample(string Name, string Family, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, int Line);
