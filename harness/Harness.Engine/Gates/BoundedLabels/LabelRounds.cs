using System.Globalization;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Normalization;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// The requests of the boundedness test: every stage endpoint in turn, each request with a raw unknown
/// stage value of its own (and a canonical one beside it where the input takes several); every other
/// request to an <c>{id}</c> route with a resource id of its own and every other companies request with
/// a fund id of its own. Round two repeats round one's shapes with fresh values and ids; its request
/// ids are chosen in the same enforcement buckets, so that every request gets the same mode.
/// </summary>
internal sealed class LabelRounds(GateContext context, TrafficSettings settings, int requests)
{
    private readonly IReadOnlyList<StageEndpoint> _endpoints = [.. context.Rules.Endpoints.All.Where(e => e.TakesStages || e.NeedsId)];
    private readonly string _prefix = $"rh{context.Seed}-{context.Spec.Id}";

    /// <summary>Every raw stage value sent so far.</summary>
    public List<string> RawValues { get; } = [];

    /// <summary>Sends round <paramref name="round"/> (1 or 2); returns why the requests got no answer, or null when at least one was answered.</summary>
    public async Task<string?> SendAsync(int round, ResourceIds created, CancellationToken cancellationToken)
    {
        string? failure = null;
        var answered = 0;
        for (var i = 0; i < requests; i++)
        {
            var endpoint = _endpoints[i % _endpoints.Count];
            var own = i % 2 == 1;
            var raw = string.Create(CultureInfo.InvariantCulture, $"harness-raw-{context.Seed}-{round}-{i}");
            RawValues.Add(raw);
            var stages = endpoint.InputType switch
            {
                StageInputType.None => [],
                StageInputType.Query => [RawStage.FromString(raw)],
                _ => new List<RawStage> { RawStage.FromString(raw), RawStage.FromString(context.Rules.Data.Stages[0]) },
            };
            var ids = own || created.For(endpoint.Resource) is null
                ? new ResourceIds(new Dictionary<string, string> { [endpoint.Resource ?? "none"] = string.Create(CultureInfo.InvariantCulture, $"rh-{round}-{i}-{context.Seed}") })
                : created;
            var fund = own && endpoint.Route.Contains(Placeholders.FundId, StringComparison.Ordinal) ? 1_000_000 + (round * 100_000) + i : settings.FundId;
            var traffic = new StageTraffic(context.Client, settings with { FundId = fund });
            var observed = await traffic.SendAsync(new StageRequest(endpoint, stages, RequestId(round, i)), ids, cancellationToken).ConfigureAwait(false);
            if (observed?.TransportError is { } error)
            {
                failure ??= error;
            }
            else
            {
                answered++;
            }
        }

        return answered == 0 ? failure ?? "no request was sent" : null;
    }

    /// <summary>Round one's id, or a fresh id of round two in the same enforcement bucket as round one's.</summary>
    private string RequestId(int round, int i)
    {
        var first = string.Create(CultureInfo.InvariantCulture, $"{_prefix}-r1-{i}");
        return round == 1 ? first : BucketIds.For(EnforcementBucket.Of(first), string.Create(CultureInfo.InvariantCulture, $"{_prefix}-r{round}-{i}"));
    }
}
