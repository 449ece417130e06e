using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Scenarios.Catalogue;
using Scenarios.Engine;
using Scenarios.Results;

namespace Harness.Engine.Gates.Load;

/// <summary>
/// An open-model load of seeded generated traffic over every stage endpoint, in the catalogue's
/// ramp-then-steady shape (<see cref="ScenarioCatalogue.RampThenSteady"/>): warm-up at half the
/// rate, a ramp from 0, then a steady step. Each answer is classed "as the contract gives" or
/// "error" by the phase's oracle (status only: a 5xx or a status the contract does not give).
/// Always on real time: load is real whatever clock the rehearsal was given.
/// </summary>
public static class OpenLoad
{
    /// <summary>Class of an answer with the status the contract gives.</summary>
    public const string Conforming = "as the contract gives";

    /// <summary>
    /// Prefix of the class of any other answer: the class is <c>error: 503 for 201 on POST /api/x</c>
    /// (the status, what the contract gives and the endpoint), so that the evidence says which
    /// answers were wrong; <see cref="Errors"/> sums them.
    /// </summary>
    public const string Error = "error";

    /// <summary>The class of a wrong answer (a <see cref="Error"/> class).</summary>
    public static string ErrorClass(int status, int? expectedStatus, string endpoint) =>
        $"{Error}: {status} for {(expectedStatus is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "2xx")} on {endpoint}";

    /// <summary>Every wrong answer of a step, over all <see cref="Error"/> classes.</summary>
    public static long Errors(IReadOnlyDictionary<string, long> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return classes.Where(c => IsError(c.Key)).Sum(c => c.Value);
    }

    /// <summary>The wrong answers by class, most frequent first, for evidence: <c>2 x error: 503 for 201 on POST /api/x</c>.</summary>
    public static string ErrorBreakdown(IReadOnlyDictionary<string, long> classes, int most = 5)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var errors = classes.Where(c => IsError(c.Key)).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var shown = errors.Take(most).Select(c => $"{c.Value} x {c.Key[(Error.Length + 2)..]}");
        return string.Join("; ", shown) + (errors.Count > most ? $"; {errors.Count - most} more kind(s)" : "");
    }

    private static bool IsError(string name) => name == Error || name.StartsWith(Error + ": ", StringComparison.Ordinal);

    /// <summary>
    /// Runs the load, or the <paramref name="shard"/> of it, and returns every step but the warm-up.
    /// Every shard generates the same seeded request sequence as the whole run and sends the requests
    /// of its global indexes (<see cref="LoadShard"/>), so the shards' requests, request ids included,
    /// are together exactly the whole run's.
    /// </summary>
    /// <param name="context">The gate's context.</param>
    /// <param name="shape">The load.</param>
    /// <param name="shard">Which arrivals to send.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <param name="byEndpoint">Class conforming answers per endpoint (<c>as the contract gives on POST /api/x</c>) and keep a latency histogram per class.</param>
    public static async Task<LoadResult> RunAsync(GateContext context, LoadShape shape, LoadShard shard, CancellationToken cancellationToken, bool byEndpoint = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(shard);
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var traffic = new StageTraffic(context.Client, new TrafficSettings());
        var ids = await traffic.CreateResourcesAsync(context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var builder = new StageRequestBuilder(new TrafficSettings());
        var oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
        var endpoints = context.Rules.Endpoints.TakingStages.Where(ids.CanAddress).ToList();
        var steps = shape.Steps;
        var total = (int)steps.Sum(s => s.Model is LoadModel.Open o ? OpenSchedule.Total(o.StartRate, o.EndRate, s.Duration.TotalSeconds) : 0) + 16;
        var requests = Enumerable.Range(0, total).Select(_ => generator.Any(endpoints)).ToList();
        var expected = requests.Select(r => oracle.Expect(r).Status).ToList();

        using var http = LoadEngine.CreateClient(context.Http.BaseAddress!);
        var engine = new LoadEngine(http, TimeProvider.System) { Shard = shard, LatencyByClass = byEndpoint };
        return await engine.RunAsync(steps, i => builder.Build(requests[(int)(i % total)], ids)!, [context.Rules.Data.Headers.Mode],
            (i, response) => Conforms(expected[(int)(i % total)], (int)response.StatusCode) ? (byEndpoint ? $"{Conforming} on {requests[(int)(i % total)].Endpoint}" : Conforming)
                : ErrorClass((int)response.StatusCode, expected[(int)(i % total)], requests[(int)(i % total)].Endpoint.ToString()),
            context.Seed, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>p99 per second and achieved vs target rate per second, over every step.</summary>
    public static IReadOnlyList<Chart> Charts(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var seconds = result.Steps.SelectMany(s => s.PerSecond.Select(p => (Step: s.Name, Sample: p))).ToList();
        var labels = seconds.Select(s => $"{s.Step} {s.Sample.Second}s").ToList();
        return
        [
            new Chart("Latency over time: p99 per second (ms, from scheduled start)", labels,
                [new ChartSeries("p99", [.. seconds.Select(s => s.Sample.P99Micros / 1000.0)])], "ms"),
            new Chart("Achieved vs target rate per second", labels,
                [new ChartSeries("target", [.. seconds.Select(s => s.Sample.TargetRate)]), new ChartSeries("achieved", [.. seconds.Select(s => (double)s.Sample.Completed)], ChartSeries.Good)],
                "requests/s"),
        ];
    }

    private static bool Conforms(int? expectedStatus, int status) =>
        expectedStatus is { } s ? status == s : status is >= 200 and < 300;
}
