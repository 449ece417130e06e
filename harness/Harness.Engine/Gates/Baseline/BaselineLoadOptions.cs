using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Baseline;

/// <summary>The parameters of the baseline-load gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record BaselineLoadOptions
{
    /// <summary>Arrival rate of the steady step, requests per second; default 40.</summary>
    [GateParameter("arrival rate of the steady step, requests per second (a baseline and the run compared with it must use the same load)", Min = 1, Max = 50_000)]
    public int Rate { get; init; } = 40;

    /// <summary>Seconds of the ramp; default 1.</summary>
    [GateParameter("seconds of the ramp from 0 to the rate", Min = 0, Max = 600)]
    public int RampSeconds { get; init; } = 1;

    /// <summary>Seconds of the steady step; default 10.</summary>
    [GateParameter("seconds of the steady step", Min = 1, Max = 3_600)]
    public int SteadySeconds { get; init; } = 10;

    /// <summary>Seconds of warm-up; default 2.</summary>
    [GateParameter("seconds of warm-up at half the rate, left out", Min = 0, Max = 600)]
    public int WarmupSeconds { get; init; } = 2;

    /// <summary>Process memory after the load may be at most this many times the baseline's; default 2.</summary>
    [GateParameter("process memory after the load, at most this many times the baseline's", Min = 1, Max = 100)]
    public double MemoryRatio { get; init; } = 2;

    /// <summary>The error ratio may exceed the baseline's by at most this much (a ratio); default 0.001 (0.1 %).</summary>
    [GateParameter("error ratio at most the baseline's plus this (a ratio: 0.001 is 0.1 %)", Min = 0, Max = 1)]
    public double ErrorRatioBudget { get; init; } = 0.001;

    /// <summary>Significance level of the latency tests; default 0.01.</summary>
    [GateParameter("significance level of the latency tests (Mann-Whitney U, share above the baseline's p99)", Min = 0.0001, Max = 0.2)]
    public double Alpha { get; init; } = 0.01;

    /// <summary>A p99 increase smaller than this many milliseconds never fails the gate; default 5.</summary>
    [GateParameter("a p99 increase below this many milliseconds is not a regression, whatever the ratio", Min = 0, Max = 60_000)]
    public double MinEffectMs { get; init; } = 5;

    /// <summary>Runs of the load at most, while the harness falls behind its schedule (over 1 % late or dropped); default 3.</summary>
    [GateParameter("runs of the load at most: a run in which the harness itself fell behind its schedule (over 1 % late or dropped sends) measured the harness, not the target, and is taken again", Min = 1, Max = 10)]
    public int Attempts { get; init; } = 3;

    /// <summary>Answers needed in both runs to judge; default 200.</summary>
    [GateParameter("steady-step answers needed in both runs to judge", Min = 1, Max = 10_000_000)]
    public int MinSamples { get; init; } = 200;
}
