using Harness.Engine.Plans;
using Harness.Engine.Reports;

namespace Harness.Engine.Rehearsals;

/// <summary>Hears about gates as they run (the CLI draws progress from this).</summary>
public interface IRehearsalObserver
{
    /// <summary>A gate is about to run; <paramref name="index"/> is 0-based of <paramref name="count"/>.</summary>
    void GateStarted(GateSpec gate, int index, int count);

    /// <summary>A gate finished.</summary>
    void GateFinished(GateReport gate, int index, int count);
}
