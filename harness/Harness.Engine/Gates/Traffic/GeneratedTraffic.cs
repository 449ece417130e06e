using Harness.Engine.Plans;
using Harness.Engine.Requests;

namespace Harness.Engine.Gates.Traffic;

/// <summary>
/// Seeded generated requests sent with bounded concurrency, each paired with what the contract
/// expects for it under the phase's configuration. Requests are generated before sending, so a
/// run is reproducible from the seed whatever the interleaving.
/// </summary>
public static class GeneratedTraffic
{
    /// <summary>One request, its expectation and what came back (null when its route had no fixture).</summary>
    public sealed record Exchange(StageRequest Request, Expectation Expected, ObservedResponse? Observed);

    /// <summary>Sends <paramref name="count"/> generated requests over every stage endpoint.</summary>
    public static async Task<IReadOnlyList<Exchange>> RunAsync(GateContext context, int count, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Phase.Configuration.ToModeSettings();
        var oracle = new ContractOracle(context.Rules, settings);
        var traffic = new StageTraffic(context.Client, new TrafficSettings());
        var prefix = $"rh{context.Seed}-{context.Spec.Id}";
        var ids = await traffic.CreateResourcesAsync(context.Rules, prefix, [], cancellationToken).ConfigureAwait(false);
        var generator = new StageRequestGenerator(context.Rules, context.RandomFor(), prefix);
        var requests = Enumerable.Range(0, count).Select(_ => generator.Any(context.Rules.Endpoints.TakingStages)).ToList();
        var observed = new ObservedResponse?[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) => observed[i] = await traffic.SendAsync(requests[i], ids, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. requests.Select((r, i) => new Exchange(r, oracle.Expect(r), observed[i]))];
    }
}
