using Harness.Engine.Plans;
using Harness.Engine.Reports;

namespace Harness.Engine.Rehearsals;

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentObserver : IRehearsalObserver
{
    /// <summary>The one instance.</summary>
    public static SilentObserver Instance { get; } = new();

    /// <inheritdoc />
    public void GateStarted(GateSpec gate, int index, int count)
    {
    }

    /// <inheritdoc />
    public void GateFinished(GateReport gate, int index, int count)
    {
    }
}
