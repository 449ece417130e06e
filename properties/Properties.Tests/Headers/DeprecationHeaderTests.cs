using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Headers;
using StageContract.Outcomes;

namespace Properties.Tests.Headers;

/// <summary>Header safety of contract section 4: input can never break a header or make it huge.</summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
public sealed class DeprecationHeaderTests
{
    private const string MoreMarker = ",...(+";
    private static readonly DeprecationHeaders Headers = Generators.Contract.Rules.Headers;
    private static readonly int MaxListed = Generators.Contract.Data.MaxListedVariants;
    private static readonly int MaxLength = Generators.Contract.Data.MaxVariantLength;

    /// <summary>
    /// A listed value is cut to MaxVariantLength UTF-16 units; each unit is at most 3 UTF-8 bytes
    /// (a surrogate pair is 4 bytes for 2 units, a lone surrogate becomes U+FFFD, 3 bytes); each
    /// byte is at most 3 characters ("%XX"); a cut value gains "...". Values are joined by commas
    /// and followed by ",...(+N)" with N at most int.MaxValue (10 digits).
    /// </summary>
    private static readonly int MaxHeaderLength =
        (MaxListed * ((MaxLength * 3 * 3) + "...".Length)) + (MaxListed - 1) + MoreMarker.Length + 10 + ")".Length;

    [Property]
    public void FormatVariants_IsAlwaysVisibleAscii(Variants variants)
    {
        var header = Headers.FormatVariants(variants.Values);
        var bad = header.IndexOfAnyExceptInRange('!', '~');
        Assert.True(bad < 0, $"character U+{(bad < 0 ? 0 : header[bad]):X4} at {bad} in {TextShrinker.Show(header)}");
    }

    [Property]
    public void FormatVariants_IsBoundedInLength(Variants variants)
    {
        var header = Headers.FormatVariants(variants.Values);
        Assert.True(header.Length <= MaxHeaderLength, $"{header.Length} > {MaxHeaderLength}");
    }

    [Property]
    public void FormatVariants_ListsAtMostTheLimitThenTheCount(Variants variants)
    {
        var distinct = variants.Values.Distinct(StringComparer.Ordinal).Count();
        var header = Headers.FormatVariants(variants.Values);
        var segments = header.Split(',');
        if (distinct <= MaxListed)
        {
            // Counted, not searched: a raw value "...(+3)" is visible ASCII and is listed as is.
            Assert.Equal(Math.Max(distinct, 1), segments.Length);
            return;
        }

        Assert.Equal(MaxListed + 1, segments.Length);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"...(+{distinct - MaxListed})"), segments[^1]);
    }

    [Property]
    public void FormatVariants_ShortWellFormedValue_DecodesToItself(Variants variants)
    {
        var distinct = variants.Values.Distinct(StringComparer.Ordinal).Take(MaxListed).ToList();
        var segments = Headers.FormatVariants(variants.Values).Split(',');
        for (var i = 0; i < distinct.Count; i++)
        {
            var value = distinct[i];
            if (value.Length > MaxLength)
            {
                Assert.EndsWith("...", segments[i], StringComparison.Ordinal);
            }
            else if (!HasLoneSurrogate(value))
            {
                // An empty value is written "" (a literal quote is always percent-encoded).
                Assert.Equal(value, segments[i] == "\"\"" ? "" : PercentDecode(segments[i]));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void For_EveryHeaderValue_IsPrintableAscii(Variants variants, bool wouldReject)
    {
        var result = wouldReject ? ValidationResult.WouldReject : ValidationResult.Warn;
        var headers = Headers.For(result, variants.Values);

        Assert.NotEmpty(headers);
        foreach (var (name, value) in headers)
        {
            Assert.True(name.Length > 0 && !name.AsSpan().ContainsAnyExceptInRange('!', '~') && !name.Contains(':', StringComparison.Ordinal), name);
            Assert.False(value.AsSpan().ContainsAnyExceptInRange(' ', '~'), $"{name}: {TextShrinker.Show(value)}");
        }
    }

    private static bool HasLoneSurrogate(string value) =>
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) != value;

    private static string PercentDecode(string segment)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%')
            {
                bytes.Add(byte.Parse(segment.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)segment[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    public sealed record Variants(IReadOnlyList<string> Values)
    {
        public override string ToString() => $"{Values.Count} values: [{string.Join(", ", Values.Select(TextShrinker.Show))}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<Variants> UnknownValues() =>
            Arb.From(
                from count in Gen.Frequency((3, Gen.Choose(0, MaxListed + 1)), (2, Gen.Choose(MaxListed, 40)))
                from distinct in Gen.ArrayOf(HostileText.Any, count)
                from repeated in Gen.SubListOf(distinct)
                from spoofs in Gen.SubListOf("...(+3)", ",", "%2C", "", "a,b")
                from values in Gen.Shuffle([.. distinct, .. repeated, .. spoofs])
                select new Variants(values),
                v => Enumerable.Range(0, v.Values.Count).Select(i => new Variants([.. v.Values.Where((_, j) => j != i)])));
    }
}
