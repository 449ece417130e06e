using System.Globalization;
using StageContract;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>
/// Generates requests from a seeded <see cref="Random"/>: the same seed gives the same requests,
/// request ids included (they decide the enforcement bucket).
/// </summary>
public sealed class StageRequestGenerator
{
    private readonly StageNormalizer _normalizer;
    private readonly StageValuePool _pool;
    private readonly Random _random;
    private readonly string _idPrefix;
    private int _next;

    /// <summary>Creates a generator; <paramref name="idPrefix"/> starts every request id.</summary>
    public StageRequestGenerator(ContractRules rules, Random random, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _normalizer = rules.Normalizer;
        _pool = new StageValuePool(rules);
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _idPrefix = idPrefix;
    }

    /// <summary>Any request: known, alias and unknown values mixed, sometimes none unknown, sometimes all.</summary>
    public StageRequest Any(IReadOnlyList<StageEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints[_random.Next(endpoints.Count)];
        var count = EntryCount(endpoint);
        var unknownShare = _random.Next(3) switch { 0 => 0.0, 1 => 0.3, _ => 1.0 };
        var stages = new List<RawStage>();
        for (var i = 0; i < count; i++)
        {
            stages.Add(_random.NextDouble() < unknownShare
                ? _pool.Unknown(_random, stringsOnly: endpoint.InputType is StageInputType.Object or StageInputType.Query)
                : _pool.Known(_random));
        }

        return Finish(endpoint, stages);
    }

    /// <summary>
    /// A request with at least one unknown value, and for distributions at least one known value too
    /// (so it is served outside enforce instead of answered 422).
    /// </summary>
    public StageRequest WithUnknown(IReadOnlyList<StageEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints[_random.Next(endpoints.Count)];
        var stringsOnly = endpoint.InputType is StageInputType.Object or StageInputType.Query;
        if (endpoint.InputType == StageInputType.Query)
        {
            return Finish(endpoint, [UnknownFor(stringsOnly)]);
        }

        var count = Math.Max(2, EntryCount(endpoint));
        var stages = new List<RawStage> { UnknownFor(stringsOnly), KnownFor() };
        for (var i = 2; i < count; i++)
        {
            stages.Add(_random.Next(2) == 0 ? UnknownFor(stringsOnly) : KnownFor());
        }

        return Finish(endpoint, [.. stages.OrderBy(_ => _random.Next())]);
    }

    /// <summary>A request whose every stage value is known (canonical or an alias spelling): valid in every mode.</summary>
    public StageRequest KnownOnly(IReadOnlyList<StageEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints[_random.Next(endpoints.Count)];
        var count = EntryCount(endpoint);
        var stages = new List<RawStage>();
        for (var i = 0; i < count; i++)
        {
            stages.Add(KnownFor());
        }

        return Finish(endpoint, stages);
    }

    /// <summary>
    /// A request of a scenario's mix: with probability <paramref name="unknownShare"/> one with an
    /// unknown stage (<see cref="WithUnknown"/>), else one with known stages only; null share: <see cref="Any"/>.
    /// </summary>
    public StageRequest ForMix(IReadOnlyList<StageEndpoint> endpoints, double? unknownShare) =>
        unknownShare is not { } share ? Any(endpoints)
        : _random.NextDouble() < share ? WithUnknown(endpoints)
        : KnownOnly(endpoints);

    /// <summary>
    /// A request to a body endpoint with more distinct unknown values than the variants header lists
    /// (11 to 16), and one known value so that it is served outside enforce: the header must then list
    /// ten and count the rest.
    /// </summary>
    public StageRequest WithManyUnknown(IReadOnlyList<StageEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bodies = endpoints.Where(e => e.HasBody).ToList();
        var endpoint = bodies[_random.Next(bodies.Count)];
        var stringsOnly = endpoint.InputType == StageInputType.Object;
        var unknown = new List<RawStage>();
        var count = 11 + _random.Next(6);
        while (unknown.Count < count)
        {
            var value = UnknownFor(stringsOnly);
            if (!unknown.Any(u => u.Display == value.Display))
            {
                unknown.Add(value);
            }
        }

        return Finish(endpoint, [.. unknown.Append(KnownFor()).OrderBy(_ => _random.Next())]);
    }

    private RawStage UnknownFor(bool stringsOnly)
    {
        while (true)
        {
            var value = _pool.Unknown(_random, stringsOnly);
            if (!_normalizer.Normalize(value).IsKnown)
            {
                return value;
            }
        }
    }

    private RawStage KnownFor()
    {
        while (true)
        {
            var value = _pool.Known(_random);
            if (_normalizer.Normalize(value).IsKnown)
            {
                return value;
            }
        }
    }

    private int EntryCount(StageEndpoint endpoint) => endpoint.InputType switch
    {
        StageInputType.Query => 1,
        _ => _random.Next(10) switch { < 5 => 1 + _random.Next(2), < 9 => 3 + _random.Next(3), _ => 6 + _random.Next(7) },
    };

    private StageRequest Finish(StageEndpoint endpoint, List<RawStage> stages)
    {
        if (endpoint.InputType == StageInputType.Object)
        {
            stages = [.. stages.Where(s => s.IsString && s.Value is not null).DistinctBy(s => s.Value, StringComparer.Ordinal)];
            if (stages.Count == 0)
            {
                stages.Add(KnownFor());
            }
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}-{_next++}-{_random.Next(1_000_000):x5}");
        return new StageRequest(endpoint, stages, id);
    }
}
