using System.Text.Json;
using Scenarios.Engine;
using Scenarios.Results;

namespace Harness.Engine.Sharding;

/// <summary>One load gate in a shard file: its declaration (enough to build and judge it again) and this shard's raw result.</summary>
public sealed record LoadShardGate
{
    /// <summary>Gate id from the plan.</summary>
    public required string Id { get; init; }

    /// <summary>Gate kind.</summary>
    public required string Kind { get; init; }

    /// <summary>One line from the plan; may be empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>True when the gate decides the verdict.</summary>
    public required bool Blocking { get; init; }

    /// <summary>Free text from the plan; may be null.</summary>
    public string? Note { get; init; }

    /// <summary>The gate's parameters as the plan gave them.</summary>
    public JsonElement Parameters { get; init; }

    /// <summary>The threshold as the plan wrote it; null when the plan gave none.</summary>
    public string? Threshold { get; init; }

    /// <summary>When this shard's load of the gate started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of this shard's load of the gate, in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Per measured step: the requests the whole load schedules and those this shard sent or dropped.</summary>
    public required IReadOnlyList<ShardedStep> Schedule { get; init; }

    /// <summary>This shard's result: its steps (warm-up left out) with histograms, counters, tallies and per-second series.</summary>
    public required LoadResult Result { get; init; }
}
