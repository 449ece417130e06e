using GoldenPayloads.Corpus;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Requests;
using StageContract;
using StageContract.Normalization;

namespace Harness.Engine.Diff;

/// <summary>
/// Runs a dual-run diff: sends every request (<see cref="DiffRequests"/>) to the primary, the optional
/// secondary and the candidate, the same bytes and request id to each, compares each answer with the
/// primary's (<see cref="ResponseComparer"/>) and analyses the differences (<see cref="DiffAnalysis"/>).
/// Requests go one at a time, so that the run does not depend on timing.
/// </summary>
public sealed class DiffRunner(ContractRules rules, DiffSettings settings, TimeProvider timeProvider)
{
    /// <summary>Per-request timeout.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The report, or why there is none (a target that answers nothing).</summary>
    public async Task<(DiffReport? Report, string? Error)> RunAsync(DiffTargets targets, int seed, string planSource, GoldenCorpus? corpus, IReadOnlyList<CapturedRequest> capture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(capture);
        var started = timeProvider.GetUtcNow();
        var (requests, skipped) = new DiffRequests(rules, settings, seed).Build(corpus, capture);
        if (requests.Count == 0)
        {
            return (null, "no request to send (every request was a write, and --writes is reads-only)");
        }

        using var primary = new DiffClient(targets.Primary, rules.Data.Headers, RequestTimeout);
        using var candidate = new DiffClient(targets.Candidate, rules.Data.Headers, RequestTimeout);
        using var secondary = targets.Secondary is { } s ? new DiffClient(s, rules.Data.Headers, RequestTimeout) : null;
        DiffClient[] clients = secondary is null ? [primary, candidate] : [primary, secondary, candidate];
        string[] roles = secondary is null ? ["primary", "candidate"] : ["primary", "secondary", "candidate"];
        // Reachability is checked with a read, so that no write is sent one time more than the others.
        var probe = requests.FirstOrDefault(r => !r.IsWrite);
        for (var i = 0; i < clients.Length && probe is not null; i++)
        {
            var first = await clients[i].SendAsync(probe, cancellationToken).ConfigureAwait(false);
            if (first.Failure is { } failure)
            {
                return (null, $"{roles[i]} {clients[i].BaseAddress} unreachable: {failure}");
            }
        }

        var problems = new List<string>();
        if (settings.Writes == DiffWrites.SeparateStores)
        {
            await CreateFixturesAsync(clients, seed, problems, cancellationToken).ConfigureAwait(false);
        }

        var comparer = new ResponseComparer([.. IgnoreRule.Defaults, .. settings.Ignore]);
        var comparisons = new List<RequestComparison>();
        var unanswered = 0;
        foreach (var request in requests)
        {
            var p = await primary.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var sec = secondary is null ? null : await secondary.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var c = await candidate.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (p.Failure is { } failure)
            {
                unanswered++;
                if (problems.Count < 5)
                {
                    problems.Add($"primary did not answer {request.Label} (rid {request.RequestId}): {failure}; not compared");
                }

                continue;
            }

            comparisons.Add(new RequestComparison(request, comparer.Compare(p, c), sec is null ? null : comparer.Compare(p, sec)));
        }

        var (groups, judgement) = new DiffAnalysis(settings, rules.Data.Headers).Analyse(comparisons);
        var report = new DiffReport
        {
            Targets = targets,
            Seed = seed,
            PlanSource = planSource,
            Writes = settings.Writes,
            Ignore = [.. IgnoreRule.Defaults.Concat(settings.Ignore).Select(r => r.Text)],
            Expect = [.. settings.Expect.Select(DiffExpectations.Name)],
            Threshold = settings.Threshold.Text,
            Confidence = settings.Confidence,
            Traffic = new DiffTraffic(
                requests.Count(r => r.Source == DiffSource.Golden),
                requests.Count(r => r.Source == DiffSource.Generated),
                requests.Count(r => r.Source == DiffSource.Capture),
                skipped,
                unanswered),
            Groups = groups,
            Judgement = judgement,
            Problems = problems,
            StartedAt = started,
            FinishedAt = timeProvider.GetUtcNow(),
        };
        return (report, null);
    }

    private async Task CreateFixturesAsync(DiffClient[] clients, int seed, List<string> problems, CancellationToken cancellationToken)
    {
        var builder = new StageRequestBuilder(new TrafficSettings());
        var stage = RawStage.FromString(rules.Data.Stages[0]);
        foreach (var resource in rules.Endpoints.TakingStages.Select(e => e.Resource).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var creator = rules.Endpoints.Creating(resource)!;
            var generated = new StageRequest(creator, [stage], $"rh{seed}-diff-fixture-{resource}");
            using var message = builder.Build(generated, ResourceIds.None)!;
            var request = new DiffRequest(DiffSource.Generated, "fixture " + resource, creator.Method, "/" + message.RequestUri!.OriginalString.TrimStart('/'),
                builder.Body(generated), generated.RequestId, creator.ToString(), CarriesUnknownStage: false, IsWrite: true);
            foreach (var client in clients)
            {
                var (id, problem) = await client.CreateAsync(request, cancellationToken).ConfigureAwait(false);
                if (id is not null)
                {
                    client.UseFixture(resource, id);
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }
    }
}
