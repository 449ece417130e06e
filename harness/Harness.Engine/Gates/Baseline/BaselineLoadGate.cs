using System.Globalization;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Gates.Load;
using Harness.Engine.Metrics;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using Scenarios.Engine;
using Scenarios.Results;

namespace Harness.Engine.Gates.Baseline;

/// <summary>
/// Measures the phase under the plan's open-model load (latency overall and per endpoint, wrong
/// answers, rate, process memory after the load) and keeps the measurements in the report, so that
/// the report can be a later phase's baseline (<c>--baseline</c>). Given a baseline, it judges the
/// run against it (<see cref="BaselineJudgement"/>); without one there is nothing to compare and it
/// is NotApplicable, with the measurements recorded.
/// </summary>
public sealed class BaselineLoadGate : IGate
{
    private readonly BaselineLoadOptions _options;

    private BaselineLoadGate(BaselineLoadOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<BaselineLoadOptions>(GateKinds.BaselineLoad,
        "the phase under an open-model load of generated traffic (warm-up, ramp, steady), recorded as a baseline (latency histograms overall and per endpoint, wrong answers, rate, process memory: /proc for the embedded target, process_resident_memory_bytes or process_working_set_bytes from /metrics for a URL) and, with --baseline, judged against one: the p99 ratio (threshold) counts as a regression only when the shift is significant (one-sided Mann-Whitney U on the steady latencies, or the share of answers above the baseline's p99 with its Wilson interval) and the p99 grew by at least minEffectMs (a p99 out of budget while the p50 did not move must repeat in a second run of the load: one pause of a shared machine can make the slowest 1 %), and likewise the p50 when the rank test says the answers are slower; error ratio at most the baseline's plus errorRatioBudget (Wilson interval); memory at most memoryRatio times the baseline's",
        ThresholdUnit.Count, "<= 1.1", (_, options) => new BaselineLoadGate(options)) with
    {
        DefaultThreshold = "<= 1.1",
        ThresholdNote = "`<= 1.1`: the current p99 over the baseline's, judged with a rank test (see measures)",
        InconclusiveWhen = "fewer steady answers than minSamples in either run, the harness fell behind its schedule (over 1 % late or dropped) in either, or the error ratio is over budget but its interval is not",
    };

    /// <summary>The load the gate runs.</summary>
    public LoadShape Shape => new(_options.Rate, _options.RampSeconds, _options.SteadySeconds, _options.WarmupSeconds);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("<= 1.1");
        var current = await RunAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.Baseline is { } baseline && BaselineJudgement.FailsByTheTailAlone(baseline, current, _options, threshold))
        {
            // The p99 of a few hundred answers is their slowest handful: one pause of a shared machine can
            // move it. A tail regression of the service repeats under the same load; a pause does not.
            var first = current;
            current = await RunAsync(context, cancellationToken).ConfigureAwait(false);
            var repeated = BaselineJudgement.FailsByTheTailAlone(baseline, current, _options, threshold);
            current = current with
            {
                Confirmation = string.Create(CultureInfo.InvariantCulture,
                    $"the first run's p99 of {first.P99Ms:0.###}ms was out of budget by its tail alone; a second run of the same load, judged here, {(repeated ? "repeated it" : "did not")}"),
            };
        }

        return BaselineJudgement.Judge(context.Baseline, current, _options, threshold) with
        {
            Measurements = current.ToJson(),
        };
    }

    /// <summary>One measured run of the load, taken again (up to <see cref="BaselineLoadOptions.Attempts"/>) while the harness lags.</summary>
    private async Task<BaselineMeasurements> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        LoadResult result;
        TimeSpan paused;
        int gen2;
        var attempt = 0;
        do
        {
            attempt++;
            var pausedBefore = GC.GetTotalPauseDuration();
            var gen2Before = GC.CollectionCount(2);
            result = await OpenLoad.RunAsync(context, Shape, LoadShard.Whole, cancellationToken, byEndpoint: true).ConfigureAwait(false);
            paused = GC.GetTotalPauseDuration() - pausedBefore;
            gen2 = GC.CollectionCount(2) - gen2Before;
        }
        while (Lagging(Steady(result)) > BaselineJudgement.LaggingLimit && attempt < _options.Attempts);

        var (memory, source) = await ReadMemoryAsync(context, cancellationToken).ConfigureAwait(false);
        return Measure(result, context, memory, source) with
        {
            HarnessGcPauseMs = paused.TotalMilliseconds,
            HarnessGen2Collections = gen2,
            Attempts = attempt,
        };
    }

    /// <summary>The measurements of one run of the load.</summary>
    public BaselineMeasurements Measure(LoadResult result, GateContext context, long? memory, string memorySource)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var steady = Steady(result);
        return new BaselineMeasurements
        {
            Phase = context.Phase.Name,
            TargetKind = context.TargetKind.ToWire(),
            BaseAddress = context.Http.BaseAddress?.ToString() ?? "",
            MeasuredAt = context.TimeProvider.GetUtcNow(),
            Rate = Shape.Rate,
            RampSeconds = Shape.RampSeconds,
            SteadySeconds = Shape.SteadySeconds,
            WarmupSeconds = Shape.WarmupSeconds,
            Answers = steady.Completed,
            Errors = OpenLoad.Errors(steady.Classes) + steady.TransportErrors,
            AchievedRate = steady.AchievedRate,
            Lagging = Lagging(steady),
            Latency = steady.Latency,
            Endpoints = new SortedDictionary<string, IReadOnlyList<long[]>>(steady.LatencyByClass
                .Where(c => c.Key.StartsWith(OpenLoad.Conforming + " on ", StringComparison.Ordinal))
                .ToDictionary(c => c.Key[(OpenLoad.Conforming.Length + 4)..], c => c.Value), StringComparer.Ordinal),
            MemoryBytes = memory,
            MemorySource = memorySource,
        };
    }

    private static StepResult Steady(LoadResult result) => result.Steps.Single(s => s.Name == "steady");

    /// <summary>Share of the step's sends the harness made late or dropped (1 when it sent nothing).</summary>
    private static double Lagging(StepResult steady) =>
        steady.Sent + steady.Dropped == 0 ? 1 : (double)(steady.Late + steady.Dropped) / (steady.Sent + steady.Dropped);

    /// <summary>
    /// Process memory: the embedded target runs in this process, so /proc/self (VmRSS); a URL target's
    /// own report on /metrics (process_resident_memory_bytes, else process_working_set_bytes).
    /// </summary>
    private static async Task<(long? Bytes, string Source)> ReadMemoryAsync(GateContext context, CancellationToken cancellationToken)
    {
        if (context.TargetKind == TargetKind.Embedded)
        {
            return ReadProcSelf();
        }

        var (scrape, error) = await MetricsScrape.ReadAsync(context.Client, cancellationToken).ConfigureAwait(false);
        if (scrape is null)
        {
            return (null, $"/metrics could not be read: {error}");
        }

        foreach (var name in new[] { "process_resident_memory_bytes", "process_working_set_bytes" })
        {
            if (scrape.Samples.FirstOrDefault(s => s.Name == name) is { } sample && double.IsFinite(sample.Value) && sample.Value > 0)
            {
                return ((long)sample.Value, $"{name} on the target's /metrics");
            }
        }

        return (null, "the target's /metrics has neither process_resident_memory_bytes nor process_working_set_bytes");
    }

    private static (long? Bytes, string Source) ReadProcSelf()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var number, "kB"] && long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : (long?)null;
            return kilobytes is { } kb
                ? (kb * 1024, "VmRSS of /proc/self (the embedded target shares the harness's process)")
                : (null, "/proc/self/status has no VmRSS line");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"/proc/self/status could not be read: {e.Message}");
        }
    }
}
