using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Rehearsals;

namespace Harness.Cli.Output;

/// <summary>Progress as plain lines, for CI logs and redirected output.</summary>
public sealed class PlainObserver(TextWriter output) : IRehearsalObserver
{
    /// <inheritdoc />
    public void GateStarted(GateSpec gate, int index, int count)
    {
    }

    /// <inheritdoc />
    public void GateFinished(GateReport gate, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gate);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{index + 1}/{count}] {gate.Id} ({gate.Kind}, {(gate.Blocking ? "blocking" : "advisory")}): {gate.Status} in {gate.DurationSeconds:0.000} s: {gate.Reason}"));
    }
}
