using GoldenPayloads.Corpus;
using Harness.Engine.Diff;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.DualRun;

/// <summary>
/// The dual-run diff as a gate of a phase: the phase's target is the candidate, <c>parameters.primary</c>
/// the service as it runs now (and <c>parameters.secondary</c> a second instance of it, for the noise).
/// The same engine as <c>rehearse diff</c> (<see cref="DiffRunner"/>) runs under the plan's <c>diff:</c>
/// section and its <see cref="DiffJudgement"/> is the gate's status; the grouped differences become the
/// evidence. Without a primary the question has no subject (NotApplicable, through the kind's needs, before the gate runs);
/// a primary, secondary or target that does not answer is NotEvaluated, never a pass.
/// </summary>
public sealed class DualRunGate(DualRunOptions options) : IGate
{
    private const string Measured = "share of requests whose answers differ from the primary's beyond noise and declared expectations (dual run)";

    /// <summary>The <c>dual-run</c> kind.</summary>
    public static GateKind Kind { get; } = GateKind.For<DualRunOptions>(GateKinds.DualRun,
        "**dual run**: the golden corpus and seeded generated requests (the plan's `diff:` section: ignore rules, expectations, writes, requests) sent one at a time to the primary (`parameters.primary`, the service as it runs now), the optional secondary and the phase's target, the same request id to each; the target's answers compared with the primary's field by field (status, media type, the contract's headers, every JSON leaf), differences the secondary shows too set apart as noise and declared expectations as expected; the share of compared requests with a counted difference against the threshold, the groups (endpoint, field, kind, count, an example) as evidence. Not in the built-in plan: it needs a second deployment",
        ThresholdUnit.Ratio, "< 1%", (_, o) => new DualRunGate(o)) with
    {
        DefaultThreshold = DiffSettings.DefaultThreshold,
        ThresholdNote = "the plan's `diff: threshold:`, default `== 0%` (any counted difference fails); a gate threshold (`< 1%`) overrides it and is judged with the Wilson interval at `diff: confidence:`",
        Needs = GateNeeds.Primary,
        InconclusiveWhen = "with a `<` or `<=` threshold, the share's interval straddles it; no request was compared",
        CheckOptions = o => ((DualRunOptions)o).Problem(),
        CheckThreshold = t => new DiffSettings { Threshold = t }.Problem(),
    };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Diff ?? new DiffSettings();
        settings = context.Spec.Threshold is { } own ? settings with { Threshold = own } : settings;
        var threshold = settings.Threshold.Text;
        // Without a primary the rehearsal's needs check (GateNeeds.Primary) reports the gate NotApplicable before it runs.
        if (DualRunOptions.Url(options.Primary) is not { } primary)
        {
            return GateResult.NotEvaluated(Measured, "no primary to compare with (parameters.primary)", threshold);
        }

        if (context.Http.BaseAddress is not { } candidate)
        {
            return GateResult.NotEvaluated(Measured, "the target has no base address to send the dual run to", threshold);
        }

        GoldenCorpus? corpus = null;
        if (settings.Golden)
        {
            try
            {
                corpus = GoldenCorpus.Load(GoldenCorpus.DefaultDirectory, context.Rules);
            }
            catch (GoldenCorpusException e)
            {
                return GateResult.NotEvaluated(Measured, "cannot load the golden corpus: " + e.Message.Split('\n')[0], threshold);
            }
        }

        var targets = new DiffTargets(primary, candidate, DualRunOptions.Url(options.Secondary));
        var (report, error) = await new DiffRunner(context.Rules, settings, context.TimeProvider)
            .RunAsync(targets, context.Seed, "plan", corpus, [], cancellationToken).ConfigureAwait(false);
        return report is null
            ? GateResult.NotEvaluated(Measured, $"dual run not run: {error}", threshold)
            : DualRunEvidence.Result(report, Measured);
    }
}
