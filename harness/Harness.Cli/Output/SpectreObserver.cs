using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Rehearsals;
using Spectre.Console;

namespace Harness.Cli.Output;

/// <summary>Live progress on a terminal: one task per gate, ticked off as each finishes.</summary>
public sealed class SpectreObserver(ProgressContext progress) : IRehearsalObserver
{
    private ProgressTask? _current;
    private ProgressTask? _overall;

    /// <inheritdoc />
    public void GateStarted(GateSpec gate, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gate);
        _overall ??= progress.AddTask("gates", maxValue: count);
        _current = progress.AddTask(Markup.Escape($"{gate.Id} ({gate.Kind})"), maxValue: 1);
        _current.IsIndeterminate = true;
    }

    /// <inheritdoc />
    public void GateFinished(GateReport gate, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (_current is not null)
        {
            _current.Description = Markup.Escape($"{gate.Id}: {gate.Status}");
            _current.IsIndeterminate = false;
            _current.Value = 1;
            _current.StopTask();
        }

        _overall?.Increment(1);
    }
}
