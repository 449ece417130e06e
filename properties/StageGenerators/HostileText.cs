using FsCheck;
using FsCheck.Fluent;

namespace StageGenerators;

/// <summary>
/// Hostile stage values. Random soup almost never lands on an alias key, so most values start
/// from an alias key (or a deliberately-unknown value), optionally spelled in a legitimate
/// variant, and then take a few hostile edits: homoglyphs, controls, lone surrogates, bidi
/// overrides, combining marks, look-alike dashes, deletions. Some are very long (up to 100,000
/// characters) to exercise the bounded fast path.
/// </summary>
public static class HostileText
{
    // The shipped contract's keys; AnyFor/LongFor take another contract's.
    private static readonly string[] DefaultKeys = [.. StageContract.ContractRules.Default.Normalizer.AliasKeys.Select(k => k.Key)];
    private static readonly string[] DefaultUnknown = [.. StageContract.ContractRules.Default.Data.DeliberatelyUnknown];

    public const int MaxLongLength = 100_000;

    /// <summary>A value built from tokens of every pool; its length grows with the test size.</summary>
    public static Gen<string> Soup { get; } = Gen.Sized(size =>
        from n in Gen.Choose(0, Math.Max(1, size))
        from tokens in Gen.ArrayOf(Gen.Elements(CharPools.Everything), n)
        select string.Concat(tokens));

    /// <summary>An alias key padded or split by a huge run, or a huge value that folds to nothing or to garbage.</summary>
    public static Gen<string> Long { get; } = LongFor(DefaultKeys);

    /// <summary><see cref="Long"/> built around <paramref name="keys"/>.</summary>
    public static Gen<string> LongFor(string[] keys) =>
        from key in Gen.Elements(keys)
        from length in Gen.Choose(1_000, MaxLongLength)
        from filler in Gen.Elements([.. CharPools.Whitespace, .. CharPools.ZeroWidth, "a", "-", "\u0301", "\uD800", "\U0001D41A"])
        from shape in Gen.Choose(0, 5)
        select shape switch
        {
            0 => Repeat(filler, length) + key,
            1 => key + Repeat(filler, length),
            2 => key.Length > 1 ? key[..1] + Repeat(filler, length) + key[1..] : key,
            3 => Repeat(filler, length),
            4 => Repeat(key, length),
            _ => Repeat(filler, length / 2) + key + Repeat(filler, length / 2),
        };

    /// <summary>Hand-picked values that sit on the boundaries of the fast paths.</summary>
    public static readonly string[] Edges =
    [
        "", " ", "\t\r\n", "\u00A0", "\u200B", "\uFEFF\u200B\u3000", "\uD800", "\uDC00seed", "seed\uD83D",
        "series-c+", "series-c+ ", "series-c++", "series-c +", "seriesc", "series c", "series  c", "series c+x",
        "SEED", "Seed", "s\u0435ed", "seed\u0301", "se\u200Bed", "se\u00ADed", "\u202Eeed-seires", "pre-seed.",
        "pre\u2011seed", "pre\uFE63seed", "pre\u2043seed", "series\u2212a", "\uFF53\uFF45\uFF45\uFF44",
        "series-c\u207A", "series-c\u2795", "\u017Feed", "\U0001D42C\U0001D41E\U0001D41E\U0001D41D", "seed\0",
        "\0", "constructor", "__proto__", "toString", "null", "undefined", "series-a\u001F", "series\u001Fa",
        "series\u0085a", "aaaaaaaaaa", "aaaaaaaaaaa", "series-c+aa", "seriesc+\t",
    ];

    // Declared after the generators it draws on: static initializers run in textual order.
    public static Gen<string> Any { get; } = AnyFor(DefaultKeys, DefaultUnknown);

    /// <summary><see cref="Any"/> for a contract with these alias keys and deliberately unknown values.</summary>
    public static Gen<string> AnyFor(string[] keys, string[] unknown) => Gen.Frequency(
        (6, MutatedFrom(keys)),
        (2, MutatedFrom(unknown)),
        (2, Soup),
        (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
        (1, LongFor(keys)),
        (1, Gen.Elements(Edges)));

    /// <summary>Starts from one of <paramref name="seeds"/>, maybe in a folding variant, then applies 0-4 hostile edits.</summary>
    public static Gen<string> MutatedFrom(string[] seeds) =>
        from seed in Gen.Elements(seeds)
        from spelled in Gen.Frequency((1, Gen.Constant(seed)), (1, FoldingVariants.Any(seed)))
        from edits in Gen.Choose(0, 4)
        from result in Edit(spelled, edits)
        select result;

    private static Gen<string> Edit(string s, int edits) =>
        edits == 0 ? Gen.Constant(s) : OneEdit(s).SelectMany(t => Edit(t, edits - 1));

    private static Gen<string> OneEdit(string s)
    {
        var insert = from at in Gen.Choose(0, s.Length)
                     from token in Gen.Elements(CharPools.Everything)
                     select s.Insert(at, token);
        if (s.Length == 0)
        {
            return insert;
        }

        var homoglyphTargets = Enumerable.Range(0, s.Length).Where(i => CharPools.Homoglyphs.ContainsKey(s[i])).ToArray();
        var homoglyph = homoglyphTargets.Length == 0
            ? insert
            : from at in Gen.Elements(homoglyphTargets)
              from glyph in Gen.Elements(CharPools.Homoglyphs[s[at]])
              select s[..at] + glyph + s[(at + 1)..];
        var delete = from at in Gen.Choose(0, s.Length - 1) select s.Remove(at, 1);
        var replace = from at in Gen.Choose(0, s.Length - 1)
                      from token in Gen.Elements(CharPools.Everything)
                      select s[..at] + token + s[(at + 1)..];
        var wrap = from open in Gen.Elements("\u202E", "\u202D", "\u2067", "\uFEFF", "\u200F")
                   from close in Gen.Elements("", "\u202C", "\u2069")
                   select open + s + close;
        return Gen.Frequency((4, insert), (3, homoglyph), (2, delete), (3, replace), (1, wrap));
    }

    /// <summary><paramref name="s"/> repeated to about <paramref name="length"/> characters (never more).</summary>
    private static string Repeat(string s, int length) => string.Concat(Enumerable.Repeat(s, Math.Max(0, length / s.Length)));
}
