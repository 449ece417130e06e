using System.Globalization;
using Flurl.Http;
using Harness.Engine.Targets;
using GoldenPayloads.Comparison;
using GoldenPayloads.Corpus;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Golden;

/// <summary>
/// Golden conformance: sends every payload of the golden corpus to the target and compares each
/// answer with the golden oracle's expectation under the phase's configuration (the effective
/// mode follows from each request id, so enforce percentages and write-only are honoured). The
/// value is the share of cases answered as the contract expects, judged by meaning
/// (<see cref="GoldenComparison"/>; the sunset, docs URL and <c>Link</c> are the target's own,
/// <see cref="TargetDeprecationValues"/>); each mismatch is evidence with expected and actual side by side.
/// </summary>
public sealed class GoldenConformanceGate : IGate
{
    private readonly GoldenConformanceOptions _options;

    private GoldenConformanceGate(GoldenConformanceOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<GoldenConformanceOptions>(GateKinds.GoldenConformance,
        "share of golden payloads answered as the golden oracle expects under the phase's configuration, **judged by meaning**: `Sunset`, `X-Stage-Docs` and `Link` are the target's own (declared in the plan or learned, IMF-fixdate, RFC 8288), variants in any valid encoding, order or cut, any recommendation text, 200 or 201 for a create (`Location` optional), media types without parameters, any problem `type`/`title` and a code where the contract names none, `invalid`/`suggestions` in any order with null or any tied stage suggested, object members in any order, and an unknown companies filter that returns no company of a canonical stage",
        ThresholdUnit.Ratio, "== 100%", (_, options) => new GoldenConformanceGate(options)) with
    {
        DefaultThreshold = "== 100%",
        InconclusiveWhen = "fewer cases than minCases",
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold ?? Threshold.Parse("== 100%");
        const string measured = "share of golden payloads answered as the contract expects (judged by meaning) in the phase's configuration";
        var directory = _options.Corpus is null ? GoldenCorpus.DefaultDirectory : Path.GetFullPath(_options.Corpus, Path.GetFullPath(context.BaseDirectory));
        GoldenCorpus corpus;
        try
        {
            corpus = GoldenCorpus.Load(directory, context.Rules);
        }
        catch (GoldenCorpusException e)
        {
            return GateResult.NotEvaluated(measured, "cannot load the golden corpus: " + e.Message.Split('\n')[0], threshold.Text);
        }

        var settings = context.Phase.Configuration.ToModeSettings();
        var oracle = new GoldenOracle(context.Rules);
        var runner = new GoldenRunner(context.Client, context.Rules.Data);
        var comparison = new GoldenComparison(context.Rules, new TargetDeprecationValues(context.DeprecationValues));
        var evidence = new List<Evidence>();
        var perEndpoint = new SortedDictionary<string, (int Good, int Bad)>(StringComparer.Ordinal);
        var conforming = 0;
        var unanswered = new List<string>();
        for (var i = 0; i < corpus.Cases.Count; i++)
        {
            var golden = corpus.Cases[i];
            var requestId = string.Create(CultureInfo.InvariantCulture, $"rh{context.Seed}-golden-{i}");
            IReadOnlyList<GoldenDifference> differences;
            var subject = $"{golden.Id} ({golden.Request.Method} {golden.Request.Path}, rid={requestId})";
            try
            {
                var observed = await runner.RunAsync(golden, context.Client.BaseAddress()!, requestId, cancellationToken).ConfigureAwait(false);
                differences = comparison.Compare(oracle.Expect(golden, settings, requestId), observed, subject);
            }
            catch (Exception e) when (e is FlurlHttpException or HttpRequestException)
            {
                TargetClient.ThrowIfCancelled(e, cancellationToken);
                var why = e is FlurlHttpException f ? TargetClient.Describe(f) : "the answer broke off: " + e.Message;
                unanswered.Add(why);
                differences = [new GoldenDifference("answer", "an HTTP response", "none: " + why)];
            }

            var folder = golden.Endpoint.FolderName();
            var counts = perEndpoint.GetValueOrDefault(folder);
            if (differences.Count == 0)
            {
                conforming++;
                perEndpoint[folder] = (counts.Good + 1, counts.Bad);
                continue;
            }

            perEndpoint[folder] = (counts.Good, counts.Bad + 1);
            evidence.AddRange(differences.Select(d => new Evidence(subject, d.Expected, d.Actual, d.Aspect)));
        }

        if (unanswered.Count > 0 && unanswered.Count == corpus.Cases.Count)
        {
            return GateResult.NotEvaluated(measured, $"target unreachable: no golden payload got an answer ({unanswered[0]})", threshold.Text);
        }

        var result = Judgement.Ratio(threshold, measured, conforming, corpus.Cases.Count, _options.MinCases, "golden payloads");
        var chart = new Chart("Golden payloads by endpoint", [.. perEndpoint.Keys],
            [new ChartSeries("as expected", [.. perEndpoint.Values.Select(v => (double)v.Good)], ChartSeries.Good),
             new ChartSeries("different", [.. perEndpoint.Values.Select(v => (double)v.Bad)], ChartSeries.Bad)], "payloads");
        return result.WithEvidence(evidence) with { Charts = [chart] };
    }
}
