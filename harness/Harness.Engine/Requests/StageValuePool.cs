using System.Globalization;
using StageContract;
using FsCheck;
using FsCheck.Fluent;
using StageContract.Normalization;
using StageGenerators;

namespace Harness.Engine.Requests;

/// <summary>
/// Where generated stage values come from: canonical stages, alias keys, alias keys disguised the
/// ways the contract folds, the contract's deliberately unknown list, and hostile values. The
/// disguises and hostile mutations are the property suite's own FsCheck generators
/// (<see cref="FoldingVariants"/>, <see cref="HostileText"/> in <c>properties/StageGenerators</c>),
/// sampled with a seed drawn from the gate's seeded <see cref="System.Random"/>, so a rehearsal stays
/// reproducible. Values that cannot travel in a JSON body or a URL (unpaired surrogates, which no
/// JSON writer emits, and values over 200 characters) are drawn again; a short fixed list keeps the
/// header-breaking and injection-shaped values in every run. Whether a value is known is decided by
/// the contract oracle, never by this pool.
/// </summary>
public sealed class StageValuePool
{
    private const int MaxLength = 200;

    private static readonly string[] Hostile =
    [
        "", "   ", "\u200B", "series-e", "series-c+,seed", "growth\r\nX-Injected: 1", "%41%42", "s\u0435ries-a", "s\u00E9ries-a",
        "pre-seed.", "series - a", "\U0001F4A5", "Series\u00A0Z", new string('x', MaxLength), "seed;drop table", "<script>",
        "se\u00ADed", "\u202Eeed-seires", "seed\u0301", "seed\0", "series\u001Fa", "series\u2043a", "series-c\u2795",
        "\u017Feed", "\U0001D42C\U0001D41E\U0001D41E\U0001D41D\u0078", "series-c++", "toString", "null",
    ];

    private readonly string[] _canonical;
    private readonly string[] _aliases;
    private readonly string[] _unknown;
    private readonly Gen<string> _mutatedKeys;
    private readonly Gen<string> _mutatedUnknown;

    /// <summary>Builds the pool from the contract data.</summary>
    public StageValuePool(ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _canonical = [.. rules.Data.Stages];
        _aliases = [.. rules.Normalizer.AliasKeys.Select(k => k.Key)];
        _unknown = [.. rules.Data.DeliberatelyUnknown, .. Hostile];
        _mutatedKeys = HostileText.MutatedFrom(_aliases);
        _mutatedUnknown = HostileText.MutatedFrom([.. rules.Data.DeliberatelyUnknown]);
    }

    /// <summary>A value likely to be known (canonical, alias or an alias in one of the contract's folding variants).</summary>
    public RawStage Known(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(3) switch
        {
            0 => _canonical[random.Next(_canonical.Length)],
            1 => _aliases[random.Next(_aliases.Length)],
            _ => Draw(FoldingVariants.Any(_aliases[random.Next(_aliases.Length)]), random),
        };
    }

    /// <summary>A value that is almost always unknown; non-strings when <paramref name="stringsOnly"/> is false.</summary>
    public RawStage Unknown(Random random, bool stringsOnly)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.Next(20);
        return roll switch
        {
            0 when !stringsOnly => RawStage.FromString(null),
            1 when !stringsOnly => RawStage.NotAString(random.Next(2) == 0 ? "42" : "true"),
            < 5 => "unknown-" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            < 9 => Draw(_mutatedKeys, random),
            < 12 => Draw(_mutatedUnknown, random),
            _ => _unknown[random.Next(_unknown.Length)],
        };
    }

    /// <summary>One sample of <paramref name="gen"/> at FsCheck size 10, seeded from <paramref name="random"/>; values that cannot travel are drawn again.</summary>
    private static string Draw(Gen<string> gen, Random random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var seed = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
            var value = gen.Sample(10, new Rnd(seed), 1)[0];
            if (value.Length <= MaxLength && StageNormalizer.IsWellFormed(value))
            {
                return value;
            }
        }

        return "unknown-" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
    }
}
