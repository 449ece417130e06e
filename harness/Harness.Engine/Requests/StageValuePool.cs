using System.Globalization;
using System.Text;
using StageContract;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>
/// Where generated stage values come from: canonical stages, alias keys, alias keys disguised the
/// ways the contract folds (case, whitespace, Unicode dashes, zero-width and full-width forms), the
/// contract's deliberately unknown list, and hostile values (commas, CR/LF, percent signs, very long
/// strings, homoglyphs, non-strings). Whether a value is known is decided by the contract oracle,
/// never by this pool.
/// </summary>
public sealed class StageValuePool
{
    // The same categories as the property tests' CharPools (not referenced: they are FsCheck
    // generators internal to a test project): controls, bidi and other format characters the
    // contract does not drop, combining marks, homoglyphs, compatibility and astral characters.
    private static readonly string[] Hostile =
    [
        "", "   ", "\u200B", "series-e", "series-c+,seed", "growth\r\nX-Injected: 1", "%41%42", "s\u0435ries-a", "s\u00E9ries-a",
        "pre-seed.", "series - a", "\U0001F4A5", "Series\u00A0Z", new string('x', 200), "seed;drop table", "<script>",
        "se\u00ADed", "\u202Eeed-seires", "seed\u0301", "seed\0", "series\u001Fa", "series\u2043a", "series-c\u2795",
        "\u017Feed", "\U0001D42C\U0001D41E\U0001D41E\U0001D41D\u0078", "series-c++", "toString", "null",
    ];

    private readonly string[] _canonical;
    private readonly string[] _aliases;
    private readonly string[] _unknown;

    /// <summary>Builds the pool from the contract data.</summary>
    public StageValuePool(ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _canonical = [.. rules.Data.Stages];
        _aliases = [.. rules.Normalizer.AliasKeys.Select(k => k.Key)];
        _unknown = [.. rules.Data.DeliberatelyUnknown, .. Hostile];
    }

    /// <summary>A value likely to be known (canonical, alias or disguised alias).</summary>
    public RawStage Known(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(3) switch
        {
            0 => _canonical[random.Next(_canonical.Length)],
            1 => _aliases[random.Next(_aliases.Length)],
            _ => Disguise(_aliases[random.Next(_aliases.Length)], random),
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
            < 6 => "unknown-" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            _ => _unknown[random.Next(_unknown.Length)],
        };
    }

    private static string Disguise(string key, Random random)
    {
        var text = key;
        var steps = 1 + random.Next(2);
        for (var i = 0; i < steps; i++)
        {
            text = random.Next(8) switch
            {
                0 => text.ToUpperInvariant(),
                1 => "  " + text + "\t",
                2 => text.Replace('-', '\u2011'),
                3 => text.Length > 1 ? text[..1] + "\u200B" + text[1..] : text,
                4 => text.Replace(' ', '\u3000'),
                5 => text.Replace("+", "\u207A", StringComparison.Ordinal),
                6 => "\uFEFF" + text.Replace('-', '\u2212'),
                _ => FullWidth(text),
            };
        }

        return text;
    }

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c);
        }

        return builder.ToString();
    }
}
