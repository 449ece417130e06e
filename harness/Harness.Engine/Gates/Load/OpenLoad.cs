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

    /// <summary>Class of any other answer.</summary>
    public const string Error = "error";

    /// <summary>Runs the load and returns every step but the warm-up.</summary>
    public static async Task<LoadResult> RunAsync(GateContext context, double rate, double rampSeconds, double steadySeconds, double warmupSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var traffic = new StageTraffic(context.Http, new TrafficSettings());
        var ids = await traffic.CreateResourcesAsync(context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var builder = new StageRequestBuilder(new TrafficSettings());
        var oracle = new ContractOracle(context.Rules, context.Phase.Configuration.ToModeSettings());
        var endpoints = context.Rules.Endpoints.TakingStages.Where(ids.CanAddress).ToList();
        var steps = ScenarioCatalogue.RampThenSteady(rate, rampSeconds, steadySeconds, warmupSeconds);
        var total = (int)steps.Sum(s => s.Model is LoadModel.Open o ? OpenSchedule.Total(o.StartRate, o.EndRate, s.Duration.TotalSeconds) : 0) + 16;
        var requests = Enumerable.Range(0, total).Select(_ => generator.Any(endpoints)).ToList();
        var expected = requests.Select(r => oracle.Expect(r).Status).ToList();

        using var http = LoadEngine.CreateClient(context.Http.BaseAddress!);
        var engine = new LoadEngine(http, TimeProvider.System);
        return await engine.RunAsync(steps, i => builder.Build(requests[(int)(i % total)], ids)!, [context.Rules.Data.Headers.Mode],
            (i, response) => Conforms(expected[(int)(i % total)], (int)response.StatusCode) ? Conforming : Error,
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
