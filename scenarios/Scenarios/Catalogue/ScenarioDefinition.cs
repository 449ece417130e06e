namespace Scenarios.Catalogue;

/// <summary>A named load scenario: segments, each under one configuration, each a list of load steps with their traffic.</summary>
/// <param name="Name">Its name, as <c>rehearse scenario &lt;name&gt;</c> takes it.</param>
/// <param name="Description">What it rehearses, in one line.</param>
/// <param name="Segments">The segments, in order.</param>
public sealed record ScenarioDefinition(string Name, string Description, IReadOnlyList<ScenarioSegment> Segments);
