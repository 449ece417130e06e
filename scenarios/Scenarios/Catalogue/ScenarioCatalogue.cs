using System.Globalization;
using Scenarios.Engine;

namespace Scenarios.Catalogue;

/// <summary>
/// The named load scenarios of the rollout, defined once: the gates take their load shapes from
/// here, and <c>rehearse scenario &lt;name&gt;</c> runs a whole scenario on its own.
/// <list type="bullet">
/// <item><c>canary</c>: the enforcement rungs 10, 25, 50 and 100 % in turn, each under load with 10 % of requests carrying an unknown stage.</item>
/// <item><c>shadow</c>: warn with dry run at 1, 5 and 20 % injected unknown stages.</item>
/// <item><c>write-only</c>: warn with write-only enforcement, reads, writes and both, 20 % unknown.</item>
/// <item><c>soak</c>: the target's own configuration, a ramp then a long steady load (12 steps' worth).</item>
/// </list>
/// </summary>
public static class ScenarioCatalogue
{
    /// <summary>The names, in the order of the rollout.</summary>
    public static IReadOnlyList<string> Names { get; } = ["canary", "shadow", "write-only", "soak"];

    /// <summary>The rungs of the canary ramp (contract section 11).</summary>
    public static IReadOnlyList<int> Rungs { get; } = [10, 25, 50, 100];

    /// <summary>The scenario with this name, or null.</summary>
    public static ScenarioDefinition? Find(string name, ScenarioSettings settings) => name switch
    {
        "canary" => Canary(settings),
        "shadow" => Shadow(settings),
        "write-only" => WriteOnly(settings),
        "soak" => Soak(settings),
        _ => null,
    };

    /// <summary>The enforcement rungs in turn, each under load.</summary>
    public static ScenarioDefinition Canary(ScenarioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mix = new TrafficMix(EndpointSelection.All, 0.1);
        return new("canary", "the enforcement rungs 10, 25, 50 and 100 % in turn, under load, 10 % of requests with an unknown stage",
            [.. Rungs.Select(p => new ScenarioSegment(string.Create(CultureInfo.InvariantCulture, $"rung {p}%"), new SegmentConfiguration("enforce", p),
                WithWarmup(settings, [Steady(string.Create(CultureInfo.InvariantCulture, $"enforce {p}%"), settings, mix)])))]);
    }

    /// <summary>Shadow at a rate with injected unknown shares.</summary>
    public static ScenarioDefinition Shadow(ScenarioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double[] shares = [0.01, 0.05, 0.2];
        return new("shadow", "warn with dry run, 1, 5 and 20 % of requests with an unknown stage: the would-reject share must follow",
            [new ScenarioSegment("shadow", new SegmentConfiguration("warn", DryRun: true),
                WithWarmup(settings, [.. shares.Select(s => Steady(string.Create(CultureInfo.InvariantCulture, $"{100 * s:0}% unknown"), settings, new TrafficMix(EndpointSelection.All, s)))]))]);
    }

    /// <summary>Write-only enforcement: reads, writes, then both.</summary>
    public static ScenarioDefinition WriteOnly(ScenarioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new("write-only", "warn with write-only enforcement: reads never rejected, writes rejected exactly when a stage is unknown",
            [new ScenarioSegment("write-only", new SegmentConfiguration("warn", EnforceWriteOnly: true),
                WithWarmup(settings,
                [
                    Steady("reads", settings, new TrafficMix(EndpointSelection.Reads, 0.2)),
                    Steady("writes", settings, new TrafficMix(EndpointSelection.Writes, 0.2)),
                    Steady("reads and writes", settings, new TrafficMix(EndpointSelection.All, 0.2)),
                ]))]);
    }

    /// <summary>A ramp, then a long steady load in the target's own configuration.</summary>
    public static ScenarioDefinition Soak(ScenarioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new("soak", "the target's own configuration: a 2 s ramp, then a long steady load of mixed traffic",
            [new ScenarioSegment("soak", null, [.. RampThenSteady(settings.Rate, 2, 12 * settings.StepSeconds, settings.WarmupSeconds).Select(s => new ScenarioStep(s, TrafficMix.Default))])]);
    }

    /// <summary>
    /// The shape of the load gates (<c>latency-under-load</c>, <c>sustained-error-rate</c>) and of the soak:
    /// a warm-up at half the rate (left out of the results), a ramp from 0 to the rate, a steady step.
    /// </summary>
    public static IReadOnlyList<LoadStep> RampThenSteady(double rate, double rampSeconds, double steadySeconds, double warmupSeconds)
    {
        var steps = new List<LoadStep>();
        if (warmupSeconds > 0) steps.Add(new LoadStep("warm-up", LoadModel.Open.Constant(rate / 2), TimeSpan.FromSeconds(warmupSeconds), WarmUp: true));
        if (rampSeconds > 0) steps.Add(new LoadStep("ramp", new LoadModel.Open(0, rate), TimeSpan.FromSeconds(rampSeconds)));
        steps.Add(new LoadStep("steady", LoadModel.Open.Constant(rate), TimeSpan.FromSeconds(steadySeconds)));
        return steps;
    }

    private static ScenarioStep Steady(string name, ScenarioSettings settings, TrafficMix mix) =>
        new(new LoadStep(name, LoadModel.Open.Constant(settings.Rate), TimeSpan.FromSeconds(settings.StepSeconds)), mix);

    private static IReadOnlyList<ScenarioStep> WithWarmup(ScenarioSettings settings, IReadOnlyList<ScenarioStep> steps) =>
        settings.WarmupSeconds > 0
            ? [new ScenarioStep(new LoadStep("warm-up", LoadModel.Open.Constant(settings.Rate / 2), TimeSpan.FromSeconds(settings.WarmupSeconds), WarmUp: true), steps[0].Mix), .. steps]
            : steps;
}
