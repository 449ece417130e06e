namespace Scenarios.Catalogue;

/// <summary>A part of a scenario run under one configuration of the target.</summary>
/// <param name="Name">For reports, for example <c>rung 25%</c>.</param>
/// <param name="Configuration">The configuration the target must run for this segment; null: the target's own (given by the caller).</param>
/// <param name="Steps">The load steps, in order.</param>
public sealed record ScenarioSegment(string Name, SegmentConfiguration? Configuration, IReadOnlyList<ScenarioStep> Steps);
