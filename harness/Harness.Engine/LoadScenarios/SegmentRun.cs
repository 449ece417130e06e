using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Scenarios.Catalogue;
using Scenarios.Engine;
using Scenarios.Results;
using StageContract;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Outcomes;
using StageContract.Problems;

namespace Harness.Engine.LoadScenarios;

/// <summary>
/// Runs one segment's steps on the load engine: every request generated up front from the seed
/// (so the same seed sends the same traffic), each answer classed against the contract's answer
/// to its request under the segment's configuration (<see cref="AnswerClass"/>), the mode and
/// would-reject headers tallied. Real time, whatever clock the rehearsal was given: load is real.
/// </summary>
public static class SegmentRun
{
    /// <summary>The load result (warm-ups left out) and what the contract expects of each measured step.</summary>
    public static async Task<(LoadResult Result, IReadOnlyList<StepExpectation> Expected)> RunAsync(
        HttpClient http, ContractRules rules, PhaseConfiguration configuration, ScenarioSegment segment, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(segment);
        var prefix = $"rh{seed}-{segment.Name.Replace(' ', '-').Replace("%", "", StringComparison.Ordinal)}";
        // The fixtures are set-up, not load: they go through the harness's client (over the same connections, not disposed here).
        var traffic = new StageTraffic(Targets.TargetClient.Over(http), TrafficSettings.Default);
        var ids = await traffic.CreateResourcesAsync(rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(rules, new Random(StableSeed(seed, prefix)), prefix);
        var oracle = new ContractOracle(rules, configuration.ToModeSettings());
        var requests = new List<StageRequest>();
        var expected = new List<Expectation>();
        var perStep = new List<StepExpectation>();
        foreach (var step in segment.Steps)
        {
            var endpoints = Select(rules, step.Mix.Endpoints).Where(ids.CanAddress).ToList();
            var count = step.Load.Model is LoadModel.Open open ? (int)OpenSchedule.Total(open.StartRate, open.EndRate, step.Load.Duration.TotalSeconds) : 0;
            var first = requests.Count;
            for (var i = 0; i < count; i++)
            {
                var request = generator.ForMix(endpoints, step.Mix.UnknownShare);
                requests.Add(request);
                expected.Add(oracle.Expect(request));
            }

            if (!step.Load.WarmUp)
            {
                var mine = expected.Skip(first).ToList();
                perStep.Add(new StepExpectation(step.Load.Name, count, mine.Count(e => e.Mode == EffectiveMode.Enforce),
                    mine.Count(e => e.Result == ValidationResult.WouldReject && e.Status is null or 422),
                    mine.Count(e => e.Result is not (ValidationResult.Ok or ValidationResult.Normalized)),
                    mine.Count(e => e.ErrorCode is { } code && !StageRejection.IsStageRejection(code))));
            }
        }

        var builder = new StageRequestBuilder(TrafficSettings.Default);
        var headers = rules.Data.Headers;
        using var client = LoadEngine.CreateClient(http.BaseAddress!);
        var engine = new LoadEngine(client, TimeProvider.System);
        var result = await engine.RunAsync([.. segment.Steps.Select(s => s.Load)],
            i => builder.Build(requests[(int)(i % requests.Count)], ids)!,
            [headers.Mode, headers.WouldReject],
            (i, response) => AnswerClass.Of(expected[(int)(i % expected.Count)], response, headers),
            seed, null, cancellationToken).ConfigureAwait(false);
        return (result, perStep);
    }

    /// <summary>The rehearsal seed mixed with a name, the same in every process (string.GetHashCode is not).</summary>
    private static int StableSeed(int seed, string name)
    {
        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return unchecked(seed ^ hash);
    }

    private static IEnumerable<StageEndpoint> Select(ContractRules rules, EndpointSelection selection) =>
        rules.Endpoints.TakingStages.Where(e => selection switch
        {
            EndpointSelection.Reads => !rules.Decider.IsWrite(e.Method, e.Route),
            EndpointSelection.Writes => rules.Decider.IsWrite(e.Method, e.Route),
            _ => true,
        });
}
