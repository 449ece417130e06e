using Harness.Engine.Plans;
using Scenarios.Results;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// A gate whose whole measurement is one open-model load of generated traffic (<see cref="OpenLoad"/>):
/// the load can be run in one piece or in shards on several runners (<c>rehearse load --shard</c>),
/// and the gate judges any result of it, one run's or shards merged (<c>rehearse merge</c>), with
/// the same pure function its own evaluation uses.
/// </summary>
public interface ILoadGate : IGate
{
    /// <summary>The load the gate runs.</summary>
    LoadShape Shape { get; }

    /// <summary>Judges a result of <see cref="Shape"/> against <paramref name="threshold"/>: a pure function, no I/O.</summary>
    GateResult Judge(LoadResult result, Threshold threshold);
}
